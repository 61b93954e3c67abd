using System.Globalization;
using System.Text.Json;

namespace TimeVision.Core.Storage;

/// <summary>A versioned shop setting as <c>&lt;kind&gt;/&lt;kind&gt;-000001.json</c>, … in the data folder, each file written once.</summary>
/// <typeparam name="T">The setting's contract.</typeparam>
public abstract class LocalVersionedStore<T> : IVersionedStore<T>
    where T : class
{
    private readonly string _folder;
    private readonly string _kind;
    private readonly JsonSerializerOptions _options;
    private readonly JsonSerializerOptions _indented;

    /// <summary>Creates the store.</summary>
    /// <param name="dataDirectory">The data folder; the versions go to its <paramref name="kind"/> subfolder.</param>
    /// <param name="kind">The setting's name, its folder's and its files' prefix.</param>
    /// <param name="options">How the setting is written and read.</param>
    protected LocalVersionedStore(string dataDirectory, string kind, JsonSerializerOptions options)
    {
        _folder = Path.Combine(Path.GetFullPath(dataDirectory), kind);
        _kind = kind;
        _options = options;
        _indented = new JsonSerializerOptions(options) { WriteIndented = true };
    }

    /// <inheritdoc />
    public async Task<StoredVersion<T>?> LatestAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_folder))
        {
            return null;
        }

        var prefix = $"{_kind}-";
        var numbers = Directory.EnumerateFiles(_folder, $"{prefix}*.json")
            .Select(path => int.TryParse(Path.GetFileNameWithoutExtension(path)[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .Where(n => n > 0)
            .ToList();
        if (numbers.Count == 0)
        {
            return null;
        }

        var latest = numbers.Max();
        await using var file = File.OpenRead(PathOf(latest));
        var value = await JsonSerializer.DeserializeAsync<T>(file, _options, cancellationToken)
            ?? throw new InvalidDataException($"{PathOf(latest)} holds null.");
        return new StoredVersion<T>(latest, value);
    }

    /// <inheritdoc />
    public async Task AddAsync(int number, T value, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, _indented);
        if (!await AtomicFile.WriteNewAsync(PathOf(number), bytes, cancellationToken))
        {
            throw new ConcurrencyConflictException(VersionedStoreMessages.Taken(_kind, number));
        }
    }

    private string PathOf(int number) => Path.Combine(_folder, string.Create(CultureInfo.InvariantCulture, $"{_kind}-{number:D6}.json"));
}
