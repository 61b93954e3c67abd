using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Estimating.Pipeline;

/// <summary>Stores a PDF under its document id (<c>drawings/&lt;id&gt;.pdf</c>), where every step reads it from.</summary>
/// <param name="blobs">The blob store.</param>
public sealed class StoredDrawings(IBlobStore blobs)
{
    /// <summary>Stores <paramref name="content"/> (from its current position) as the document's PDF and returns its place.</summary>
    public async Task<BlobReference> StoreAsync(DocumentId documentId, Stream content, CancellationToken cancellationToken)
    {
        var pdf = BlobReference.Drawing(documentId.Value);
        await blobs.UploadAsync(pdf, content, cancellationToken);
        return pdf;
    }

    /// <summary>Stores a PDF file (for eval and imports, which estimate without an orchestration) and returns its id and place.</summary>
    public async Task<(string DocumentId, BlobReference Pdf)> StoreFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        var documentId = await DocumentId.OfContentAsync(file, cancellationToken);
        file.Position = 0;
        return (documentId.Value, await StoreAsync(documentId, file, cancellationToken));
    }
}
