using Azure.Core;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Options;

namespace TimeVision.Core.Storage;

/// <summary>
/// The configured Cosmos DB database on the one <see cref="CosmosClient"/> a process keeps, and its containers. Handing
/// out a container does no I/O; <see cref="CreateResourcesAsync"/> creates what is missing, at start-up.
/// </summary>
public sealed class CosmosAccount
{
    private readonly StorageOptions _options;
    private readonly CosmosClient _client;

    /// <summary>The account on <paramref name="client"/>, with the database and containers named in <paramref name="options"/>.</summary>
    public CosmosAccount(CosmosClient client, IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _options = options.Value;
    }

    /// <summary>The partition key of the estimates container: every item of one document sits in one partition.</summary>
    public const string EstimatesPartitionKeyPath = "/documentId";

    /// <summary>The partition key of the models container: the registry and the fine-tuning jobs, each by its kind.</summary>
    public const string ModelsPartitionKeyPath = "/kind";

    /// <summary>The container of estimates (partition key <see cref="EstimatesPartitionKeyPath"/>).</summary>
    public Container Estimates => _client.GetContainer(_options.CosmosDatabase, _options.CosmosContainer);

    /// <summary>The container of the model registry and fine-tuning jobs (partition key <see cref="ModelsPartitionKeyPath"/>).</summary>
    public Container Models => _client.GetContainer(_options.CosmosDatabase, _options.CosmosModelsContainer);

    /// <summary>How every Cosmos DB client of TimeVision serializes: System.Text.Json with web defaults (camelCase).</summary>
    public static CosmosClientOptions ClientOptions() => new()
    {
        UseSystemTextJsonSerializerWithOptions = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web),
    };

    /// <summary>
    /// A client for the account in <paramref name="options"/>: with its key when one is set (the emulator, local runs),
    /// else with <paramref name="credential"/>, the app's one Entra ID credential. Connecting does no I/O.
    /// </summary>
    public static CosmosClient Connect(StorageOptions options, TokenCredential credential)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = options.CosmosEndpoint?.ToString() ?? throw new InvalidOperationException("Storage:CosmosEndpoint is not set.");
        return string.IsNullOrWhiteSpace(options.CosmosKey)
            ? new CosmosClient(endpoint, credential, ClientOptions())
            : new CosmosClient(endpoint, options.CosmosKey, ClientOptions());
    }

    /// <summary>Creates the database, the estimates container and the models container, each with its partition key, where missing.</summary>
    public async Task CreateResourcesAsync(CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(_client, _options.CosmosDatabase, _options.CosmosContainer, EstimatesPartitionKeyPath, cancellationToken);
        await EnsureContainerAsync(_client, _options.CosmosDatabase, _options.CosmosModelsContainer, ModelsPartitionKeyPath, cancellationToken);
    }

    /// <summary>Creates a database and a container with the given partition key when missing.</summary>
    public static async Task<Container> EnsureContainerAsync(
        CosmosClient client, string database, string container, string partitionKeyPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var db = (await client.CreateDatabaseIfNotExistsAsync(database, cancellationToken: cancellationToken)).Database;
        return (await db.CreateContainerIfNotExistsAsync(container, partitionKeyPath, cancellationToken: cancellationToken)).Container;
    }
}
