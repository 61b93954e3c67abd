using Azure.Storage.Blobs;

using Xunit;

namespace TimeVision.Testing.LocalServices;

/// <summary>Azurite's Blob service, checked once per test collection; each test takes a container of its own.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>The Blob service client for Azurite.</summary>
    public BlobServiceClient Blobs { get; } = new(LocalServiceEndpoints.StorageConnectionString);

    /// <summary>Creates an empty container with a unique name.</summary>
    public async Task<BlobContainerClient> CreateContainerAsync(CancellationToken cancellationToken)
    {
        var container = Blobs.GetBlobContainerClient($"test-{Guid.NewGuid():N}");
        await container.CreateAsync(cancellationToken: cancellationToken);
        return container;
    }

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await Blobs.GetPropertiesAsync(timeout.Token);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            throw new InvalidOperationException(
                $"Azurite is not answering at {Blobs.Uri}. {LocalServiceEndpoints.StartHint}", exception);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
