using System.Collections.Concurrent;
using Azure;
using Azure.Storage.Blobs;

namespace TimeVision.Core.Storage;

/// <summary>Blobs in Azure Blob Storage (or Azurite); containers are created on first use.</summary>
public sealed class AzureBlobStore : IBlobStore
{
    private readonly BlobServiceClient _service;
    private readonly ConcurrentDictionary<string, Lazy<Task<BlobContainerClient>>> _containers = new(StringComparer.Ordinal);

    /// <summary>Creates the store.</summary>
    /// <param name="service">The Blob service client (connection string or identity).</param>
    public AzureBlobStore(BlobServiceClient service) => _service = service;

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
    public async Task<bool> ExistsAsync(BlobReference blob, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        var container = await ContainerAsync(blob.Container, cancellationToken);
        return (await container.GetBlobClient(blob.Name).ExistsAsync(cancellationToken)).Value;
    }

    private Task<BlobContainerClient> ContainerAsync(string name, CancellationToken cancellationToken) =>
        WaitAsync(name, cancellationToken);

    private Task<BlobContainerClient> WaitAsync(string name, CancellationToken cancellationToken) =>
        _containers.GetOrAdd(name, n => new Lazy<Task<BlobContainerClient>>(async () =>
        {
            var container = _service.GetBlobContainerClient(n);
            await container.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None); // shared by later callers
            return container;
        })).Value.WaitAsync(cancellationToken);
}
