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

    /// <summary>A container of the configured database.</summary>
    public Container Container(string name, string partitionKeyPath)
    {
        if (!_options.CreateCosmosResources)
        {
            return _client.GetContainer(_options.CosmosDatabase, name);
        }

        var database = _client.CreateDatabaseIfNotExistsAsync(_options.CosmosDatabase).GetAwaiter().GetResult().Database;
        return database.CreateContainerIfNotExistsAsync(name, partitionKeyPath).GetAwaiter().GetResult().Container;
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();
}
