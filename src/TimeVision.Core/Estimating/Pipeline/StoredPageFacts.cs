using System.Text.Json;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Estimating.Pipeline;

/// <summary>A page's text-layer facts as JSON beside its image (<c>pages/&lt;id&gt;/page-NNN.facts.json</c>).</summary>
/// <param name="blobs">The blob store.</param>
public sealed class StoredPageFacts(IBlobStore blobs)
{
    private static readonly JsonSerializerOptions FactsJson = new(JsonSerializerDefaults.Web);

    /// <summary>Stores a page's facts and returns where.</summary>
    public async Task<BlobReference> StoreAsync(string documentId, int page, PageFacts facts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var reference = BlobReference.PageFacts(documentId, page);
        await blobs.UploadAsync(reference, new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(facts, FactsJson)), cancellationToken);
        return reference;
    }

    /// <summary>The facts stored at <paramref name="reference"/>; <see langword="null"/> when there is none.</summary>
    public async Task<PageFacts?> LoadAsync(BlobReference? reference, CancellationToken cancellationToken)
    {
        if (reference is null)
        {
            return null;
        }

        using var json = new MemoryStream();
        return await blobs.DownloadToAsync(reference, json, cancellationToken)
            ? JsonSerializer.Deserialize<PageFacts>(json.GetBuffer().AsSpan(0, (int)json.Length), FactsJson)
            : null;
    }
}
