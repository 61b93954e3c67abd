using Azure.Identity;
using Microsoft.Azure.Cosmos;

namespace TimeVision.Core.Storage;

/// <summary>
/// The one <see cref="CosmosClient"/> a process keeps (key or <c>DefaultAzureCredential</c>), and its containers,
/// created when missing if <see cref="StorageOptions.CreateCosmosResources"/> is on.
/// </summary>
public sealed class CosmosAccount : IDisposable
{
    private readonly StorageOptions _options;
    private readonly CosmosClient _client;

    /// <summary>Connects to the account in <paramref name="options"/>.</summary>
    public CosmosAccount(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = options.CosmosEndpoint ?? throw new InvalidOperationException("Storage:CosmosEndpoint is not set.");
        _options = options;
        _client = string.IsNullOrWhiteSpace(options.CosmosKey)
            ? new CosmosClient(endpoint.ToString(), new DefaultAzureCredential(), CosmosEstimateStore.ClientOptions())
            : new CosmosClient(endpoint.ToString(), options.CosmosKey, CosmosEstimateStore.ClientOptions());
    }

    /// <summary>A container of the configured database (created when missing if so configured; resolved once at start-up).</summary>
    public Container Container(string name, string partitionKeyPath) =>
        _options.CreateCosmosResources
            ? EnsureContainerAsync(_client, _options.CosmosDatabase, name, partitionKeyPath, CancellationToken.None).GetAwaiter().GetResult()
            : _client.GetContainer(_options.CosmosDatabase, name);

    /// <summary>Creates a database and a container with the given partition key when missing.</summary>
    public static async Task<Container> EnsureContainerAsync(
        CosmosClient client, string database, string container, string partitionKeyPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var db = (await client.CreateDatabaseIfNotExistsAsync(database, cancellationToken: cancellationToken)).Database;
        return (await db.CreateContainerIfNotExistsAsync(container, partitionKeyPath, cancellationToken: cancellationToken)).Container;
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();
}
