using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using TimeVision.Core.Estimating.Estimates.Listing;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Estimating.Estimates.Stores;

/// <summary>
/// Document estimates as JSON files in a data folder: <c>estimates/&lt;id&gt;/document.json</c> and one file per page
/// result beside it. The concurrency token is a hash of the stored bytes. The default on one machine. The list of
/// documents reads every document (a shop's folder holds thousands at most, and a PC reads them in well under a second).
/// </summary>
public sealed class LocalEstimateStore : IEstimateStore, IEstimateListing
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly string _root;
    private readonly Func<string, Stream> _create;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    /// <summary>Creates the store.</summary>
    /// <param name="dataDirectory">The data folder; estimates go to its <c>estimates</c> subfolder.</param>
    public LocalEstimateStore(string dataDirectory)
        : this(dataDirectory, AtomicFile.Create)
    {
    }

    /// <summary>Creates the store with its own way to create files (tests: a disk with little space left).</summary>
    internal LocalEstimateStore(string dataDirectory, Func<string, Stream> create)
    {
        _root = Path.Combine(Path.GetFullPath(dataDirectory), "estimates");
        _create = create;
    }

    /// <inheritdoc />
    public async Task<DocumentEstimate?> GetAsync(string documentId, CancellationToken cancellationToken)
    {
        var path = DocumentPath(documentId);
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        var document = JsonSerializer.Deserialize<DocumentEstimate>(bytes, Json)
            ?? throw new InvalidDataException($"{path} is empty.");
        return document with { ETag = TokenOf(bytes) };
    }

    /// <inheritdoc />
    public async Task<string> SaveAsync(DocumentEstimate document, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var gate = _locks.GetOrAdd(document.Id, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var path = DocumentPath(document.Id);
            if (ifMatch is not null)
            {
                var current = File.Exists(path) ? TokenOf(await File.ReadAllBytesAsync(path, cancellationToken)) : null;
                if (current != ifMatch)
                {
                    throw new ConcurrencyConflictException($"Document {document.Id} changed since it was read.");
                }
            }

            var bytes = JsonSerializer.SerializeToUtf8Bytes(document with { ETag = null }, Json);
            await WriteAtomicallyAsync(path, bytes, cancellationToken);
            return TokenOf(bytes);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, int>> CountByModelAsync(CancellationToken cancellationToken)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        if (Directory.Exists(_root))
        {
            foreach (var folder in Directory.EnumerateDirectories(_root))
            {
                var document = await GetAsync(Path.GetFileName(folder), cancellationToken);
                foreach (var model in document?.Models.Select(m => m.Model).Distinct(StringComparer.Ordinal) ?? [])
                {
                    counts[model] = counts.GetValueOrDefault(model) + 1;
                }
            }
        }

        return counts;
    }

    /// <inheritdoc />
    public async Task<EstimateListPage> ListAsync(EstimateQuery query, CancellationToken cancellationToken)
    {
        var summaries = new List<EstimateSummary>();
        if (Directory.Exists(_root))
        {
            foreach (var folder in Directory.EnumerateDirectories(_root))
            {
                if (await GetAsync(Path.GetFileName(folder), cancellationToken) is { } document)
                {
                    summaries.Add(EstimateSummary.Of(document));
                }
            }
        }

        return EstimateListPage.From(summaries.Order(ListCursor.NewestFirst), query);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<string> ListLabelledAsync(CancellationToken cancellationToken) =>
        ListWhereAsync(document => document.Feedback is { Count: > 0 }, cancellationToken);

    /// <inheritdoc />
    /// <remarks>The version is the document's concurrency token, a hash of its stored bytes.</remarks>
    public async IAsyncEnumerable<LabelVersion> ListLabelVersionsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_root))
        {
            yield break;
        }

        foreach (var folder in Directory.EnumerateDirectories(_root).Order(StringComparer.Ordinal))
        {
            if (await GetAsync(Path.GetFileName(folder), cancellationToken) is { Feedback.Count: > 0 } document)
            {
                yield return new LabelVersion(document.Id, document.ETag!);
            }
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<string> ListRetryableAsync(CancellationToken cancellationToken) =>
        ListWhereAsync(document => document.RetryablePages.Count > 0, cancellationToken);

    /// <inheritdoc />
    public Task ForgetRetryableAsync(string documentId, CancellationToken cancellationToken) => Task.CompletedTask; // listed from the documents themselves

    private async IAsyncEnumerable<string> ListWhereAsync(
        Func<DocumentEstimate, bool> predicate, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_root))
        {
            yield break;
        }

        foreach (var folder in Directory.EnumerateDirectories(_root).Order(StringComparer.Ordinal))
        {
            if (await GetAsync(Path.GetFileName(folder), cancellationToken) is { } document && predicate(document))
            {
                yield return document.Id;
            }
        }
    }

    /// <inheritdoc />
    public async Task<PageEstimateResult?> GetPageResultAsync(
        string documentId, int page, string model, string promptHash, CancellationToken cancellationToken)
    {
        var path = PagePath(documentId, PageResultKey.For(page, model, promptHash));
        return File.Exists(path)
            ? JsonSerializer.Deserialize<PageEstimateResult>(await File.ReadAllBytesAsync(path, cancellationToken), Json)
            : null;
    }

    /// <inheritdoc />
    public Task SavePageResultAsync(string documentId, int page, PageEstimateResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var path = PagePath(documentId, PageResultKey.For(page, result.Model, result.PromptHash));
        return WriteAtomicallyAsync(path, JsonSerializer.SerializeToUtf8Bytes(result, Json), cancellationToken);
    }

    private static string TokenOf(byte[] bytes) => $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}\"";

    private Task WriteAtomicallyAsync(string path, byte[] bytes, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(path, bytes, _create, cancellationToken);

    private string DocumentPath(string documentId) => Path.Combine(Folder(documentId), "document.json");

    private string PagePath(string documentId, string key) => Path.Combine(Folder(documentId), "pages", $"{key}.json");

    private string Folder(string documentId)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentId);
        if (documentId.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-'))
        {
            throw new ArgumentException($"'{documentId}' is not a document id.", nameof(documentId));
        }

        return Path.Combine(_root, documentId);
    }
}
