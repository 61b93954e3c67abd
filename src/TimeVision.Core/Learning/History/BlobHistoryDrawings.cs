using System.Runtime.CompilerServices;
using Azure.Storage.Blobs;

namespace TimeVision.Core.Learning.History;

/// <summary>
/// The past drawings in a blob container (<c>History:Container</c>, default <c>history</c>) that no trigger watches:
/// dropping a drawing there starts nothing; an import reads it.
/// </summary>
/// <param name="container">The container.</param>
public sealed class BlobHistoryDrawings(BlobContainerClient container) : IHistoryDrawings
{
    /// <inheritdoc />
    public string Description => $"the container {container.Name}";

    /// <inheritdoc />
    public async IAsyncEnumerable<string> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!(await container.ExistsAsync(cancellationToken)).Value)
        {
            yield break;
        }

        // Blob listings come in the service's (ordinal) name order.
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            if (blob.Name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
            {
                yield return blob.Name;
            }
        }
    }

    /// <inheritdoc />
    public async Task<HistoryDrawingFile> OpenAsync(string name, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"timevision-history-{Guid.NewGuid():N}.pdf");
        var file = new HistoryDrawingFile(path, Temporary: true);
        try
        {
            await container.GetBlobClient(name).DownloadToAsync(path, cancellationToken);
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }
}
