using System.Globalization;
using System.Text.Json;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Estimating.Pricing;

/// <summary>The shop's rates as <c>rates/rates-000001.json</c>, … in the data folder, each file written once.</summary>
public sealed class LocalRatesStore : IRatesStore
{
    private const string Prefix = "rates-";
    private readonly string _folder;

    /// <summary>Creates the store.</summary>
    /// <param name="dataDirectory">The data folder; the rates go to its <c>rates</c> subfolder.</param>
#pragma warning disable IDE0290 // It keeps the folder it derives, not the one it is given.
    public LocalRatesStore(string dataDirectory) => _folder = Path.Combine(Path.GetFullPath(dataDirectory), "rates");
#pragma warning restore IDE0290

    /// <inheritdoc />
    public async Task<StoredRates?> LatestAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_folder))
        {
            return null;
        }

        var numbers = Directory.EnumerateFiles(_folder, $"{Prefix}*.json")
            .Select(path => int.TryParse(Path.GetFileNameWithoutExtension(path)[Prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .Where(n => n > 0)
            .ToList();
        if (numbers.Count == 0)
        {
            return null;
        }

        var latest = numbers.Max();
        await using var file = File.OpenRead(PathOf(latest));
        var rates = await JsonSerializer.DeserializeAsync<ShopRates>(file, PlanningJson.Options, cancellationToken)
            ?? throw new InvalidDataException($"{PathOf(latest)} holds null.");
        return new StoredRates(latest, rates);
    }

    /// <inheritdoc />
    public async Task AddAsync(int number, ShopRates rates, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(rates, Indented);
        if (!await AtomicFile.WriteNewAsync(PathOf(number), bytes, cancellationToken))
        {
            throw new ConcurrencyConflictException($"Rates version {number} was stored by someone else first.");
        }
    }

    private static readonly JsonSerializerOptions Indented = new(PlanningJson.Options) { WriteIndented = true };

    private string PathOf(int number) => Path.Combine(_folder, string.Create(CultureInfo.InvariantCulture, $"{Prefix}{number:D6}.json"));
}
