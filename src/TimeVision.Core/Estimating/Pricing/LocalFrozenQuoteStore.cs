using System.Globalization;
using System.Text.Json;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Estimating.Pricing;

/// <summary>Frozen quotes as <c>quotes/&lt;document id&gt;/quote-000001.json</c>, … in the data folder, each file written once.</summary>
public sealed class LocalFrozenQuoteStore : IFrozenQuoteStore
{
    private const string Prefix = "quote-";
    private static readonly JsonSerializerOptions Indented = new(PlanningJson.Options) { WriteIndented = true };
    private readonly string _root;

    /// <summary>Creates the store.</summary>
    /// <param name="dataDirectory">The data folder; frozen quotes go to its <c>quotes</c> subfolder.</param>
#pragma warning disable IDE0290 // It keeps the folder it derives, not the one it is given.
    public LocalFrozenQuoteStore(string dataDirectory) => _root = Path.Combine(Path.GetFullPath(dataDirectory), "quotes");
#pragma warning restore IDE0290

    /// <inheritdoc />
    public async Task AddAsync(FrozenQuote quote, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quote);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(quote with { SupersededBy = null }, Indented);
        if (!await AtomicFile.WriteNewAsync(PathOf(quote.DocumentId, quote.Id), bytes, cancellationToken))
        {
            throw new ConcurrencyConflictException($"Quote {quote.Id} of {quote.DocumentId} was frozen by someone else first.");
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<FrozenQuote>> ListAsync(string documentId, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(_root, documentId);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var quotes = new List<FrozenQuote>();
        foreach (var path in Directory.EnumerateFiles(folder, $"{Prefix}*.json"))
        {
            quotes.Add(await ReadAsync(path, cancellationToken));
        }

        return [.. quotes.OrderBy(q => q.Id)];
    }

    /// <inheritdoc />
    public async Task<FrozenQuote?> GetAsync(string documentId, int id, CancellationToken cancellationToken)
    {
        var path = PathOf(documentId, id);
        return File.Exists(path) ? await ReadAsync(path, cancellationToken) : null;
    }

    private static async Task<FrozenQuote> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<FrozenQuote>(file, PlanningJson.Options, cancellationToken)
            ?? throw new InvalidDataException($"{path} holds null.");
    }

    private string PathOf(string documentId, int id) => Path.Combine(_root, documentId, string.Create(CultureInfo.InvariantCulture, $"{Prefix}{id:D6}.json"));
}
