using Azure.Storage.Blobs;

using Xunit;

namespace TimeVision.Testing.LocalServices;

/// <summary>
/// Azurite's Blob service, checked once per test collection; each test takes a container of its own. The shared one
/// (<see cref="LocalServiceEndpoints.StorageConnectionString"/>) unless made with <see cref="At"/>.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>The fixture for the shared Azurite.</summary>
    public AzuriteFixture()
        : this(LocalServiceEndpoints.StorageConnectionString)
    {
    }

    private AzuriteFixture(string connectionString)
    {
        ConnectionString = connectionString;
        Blobs = new BlobServiceClient(connectionString);
    }

    /// <summary>The connection string that reaches this Azurite.</summary>
    public string ConnectionString { get; }

    /// <summary>The Blob service client for Azurite.</summary>
    public BlobServiceClient Blobs { get; }

    /// <summary>A fixture for the Azurite <paramref name="connectionString"/> reaches (one a test started, say).</summary>
    public static AzuriteFixture At(string connectionString) => new(connectionString);

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
