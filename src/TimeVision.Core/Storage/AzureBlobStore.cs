using System.Collections.Concurrent;
using Azure;
using Azure.Storage.Blobs;

namespace TimeVision.Core.Storage;

/// <summary>Blobs in Azure Blob Storage (or Azurite); containers are created on first use.</summary>
/// <param name="service">The Blob service client (connection string or identity).</param>
public sealed class AzureBlobStore(BlobServiceClient service) : IBlobStore, IBlobRemoval
{
    private readonly ConcurrentDictionary<string, Lazy<Task<BlobContainerClient>>> _containers = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task UploadAsync(BlobReference blob, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        var container = await ContainerAsync(blob.Container, cancellationToken);
        await container.GetBlobClient(blob.Name).UploadAsync(content, overwrite: true, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> DownloadToAsync(BlobReference blob, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        var container = await ContainerAsync(blob.Container, cancellationToken);
        try
        {
            await container.GetBlobClient(blob.Name).DownloadToAsync(destination, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(BlobReference blob, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        var container = await ContainerAsync(blob.Container, cancellationToken);
        return (await container.GetBlobClient(blob.Name).DeleteIfExistsAsync(cancellationToken: cancellationToken)).Value;
    }

    /// <inheritdoc />
    public async Task<bool> ExistsAsync(BlobReference blob, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        var container = await ContainerAsync(blob.Container, cancellationToken);
        return (await container.GetBlobClient(blob.Name).ExistsAsync(cancellationToken)).Value;
    }

    /// <summary>
    /// The container, created when missing on its first use in this process. The creation is shared by the callers that
    /// wait on it; one that failed (storage unreachable, say) is forgotten, so the next call tries again rather than every
    /// later call failing with the first one's error until the process restarts.
    /// </summary>
    private async Task<BlobContainerClient> ContainerAsync(string name, CancellationToken cancellationToken)
    {
        var creation = _containers.GetOrAdd(name, n => new Lazy<Task<BlobContainerClient>>(() => CreateAsync(n)));
        try
        {
            return await creation.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (creation.Value.IsFaulted || creation.Value.IsCanceled)
        {
            _containers.TryRemove(new KeyValuePair<string, Lazy<Task<BlobContainerClient>>>(name, creation));
            throw;
        }
    }

    private async Task<BlobContainerClient> CreateAsync(string name)
    {
        var container = service.GetBlobContainerClient(name);
        await container.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None); // shared by later callers
        return container;
    }
}
