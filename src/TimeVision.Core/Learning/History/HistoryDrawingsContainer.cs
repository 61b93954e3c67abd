using Azure.Core;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Learning.History;

/// <summary>
/// The history container of this deployment (<see cref="HistoryOptions.Container"/>), where the Functions app's import
/// reads past drawings: Blob Storage when it is configured (connection string or identity, as <see cref="IBlobStore"/>),
/// else its folder under the data folder's blobs.
/// </summary>
public sealed class HistoryDrawingsContainer
{
    /// <summary>Creates the reference, without I/O.</summary>
    public HistoryDrawingsContainer(IOptions<StorageOptions> storage, IOptions<HistoryOptions> history, TokenCredential credential)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(history);
        var (settings, container) = (storage.Value, history.Value.Container);
        Drawings = !string.IsNullOrWhiteSpace(settings.BlobConnectionString)
            ? new BlobHistoryDrawings(new BlobServiceClient(settings.BlobConnectionString).GetBlobContainerClient(container))
            : settings.BlobServiceUri is { } serviceUri
                ? new BlobHistoryDrawings(new BlobServiceClient(serviceUri, credential).GetBlobContainerClient(container))
                : new FolderHistoryDrawings(Path.Combine(settings.DataDirectory, "blobs", container));
    }

    /// <summary>The drawings.</summary>
    public IHistoryDrawings Drawings { get; }
}
