using System.Net;
using System.Text.Json.Serialization;
using Microsoft.Azure.Cosmos;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Estimating.Vision.Registry;

/// <summary>
/// The model registry in Cosmos DB: one item in the <c>models</c> container (partition key <c>/kind</c>), replaced with
/// its <c>_etag</c> so two activations cannot overwrite each other unseen.
/// </summary>
/// <param name="container">The <c>models</c> container.</param>
public sealed class CosmosModelRegistry(Container container) : IModelRegistry
{
    /// <summary>The partition key path of the <c>models</c> container.</summary>
    public const string PartitionKeyPath = CosmosAccount.ModelsPartitionKeyPath;

    private const string Kind = "registry";
    private const string Id = "registry";

    /// <summary>Creates the <c>models</c> container when missing.</summary>
    public static Task<Container> EnsureContainerAsync(CosmosClient client, string database, string container, CancellationToken cancellationToken) =>
        CosmosAccount.EnsureContainerAsync(client, database, container, PartitionKeyPath, cancellationToken);

    /// <inheritdoc />
    public async Task<ModelRegistryState> GetAsync(CancellationToken cancellationToken)
    {
        // A single-partition query, not a point read: the local Cosmos DB server answers a missing point read with a 500.
        var query = new QueryDefinition("SELECT * FROM c WHERE c.kind = @kind AND c.id = @id").WithParameter("@kind", Kind).WithParameter("@id", Id);
        return await CosmosQuery.FirstInPartitionAsync<Item>(container, query, Kind, cancellationToken) is { } item
            ? item.State with { ETag = item.ETag }
            : new ModelRegistryState();
    }

    /// <inheritdoc />
    public async Task SaveAsync(ModelRegistryState state, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var item = new Item(Id, Kind, state with { ETag = null });
        try
        {
            if (ifMatch is null)
            {
                await container.UpsertItemAsync(item, new PartitionKey(Kind), cancellationToken: cancellationToken);
            }
            else
            {
                await container.ReplaceItemAsync(item, Id, new PartitionKey(Kind), new ItemRequestOptions { IfMatchEtag = ifMatch }, cancellationToken);
            }
        }
        catch (CosmosException exception) when (exception.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound && ifMatch is not null)
        {
            throw new ConcurrencyConflictException("The model registry changed since it was read.", exception);
        }
    }

    private sealed record Item(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("kind")] string Kind,
        [property: JsonPropertyName("state")] ModelRegistryState State)
    {
        [JsonPropertyName("_etag")]
        public string? ETag { get; init; }
    }
}
