using System.Net;
using System.Text.Json.Serialization;
using Microsoft.Azure.Cosmos;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Estimating.Checklist;

/// <summary>
/// Checklists in the <c>estimates</c> container, one item per document in the document's own partition (id
/// <c>checklist</c>), so it sits with the document it checks. The concurrency token is Cosmos DB's <c>_etag</c>; an
/// item is read by a single-partition query on its id (the local server answers a point read of a missing item with a 500).
/// </summary>
/// <param name="container">The <c>estimates</c> container (partition key <c>/documentId</c>).</param>
public sealed class CosmosChecklistStore(Container container) : IChecklistStore
{
    private const string ItemId = "checklist";

    /// <inheritdoc />
    public async Task<DocumentChecklist?> GetAsync(string documentId, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.documentId = @documentId AND c.id = @id")
            .WithParameter("@documentId", documentId)
            .WithParameter("@id", ItemId);
        var item = await CosmosQuery.FirstInPartitionAsync<Item>(container, query, documentId, cancellationToken);
        return item is null ? null : item.Body with { ETag = item.ETag };
    }

    /// <inheritdoc />
    public async Task<string> SaveAsync(DocumentChecklist checklist, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checklist);
        var item = new Item(ItemId, checklist.DocumentId, ItemId, checklist with { ETag = null });
        var partition = new PartitionKey(checklist.DocumentId);
        try
        {
            var response = ifMatch is null
                ? await container.CreateItemAsync(item, partition, cancellationToken: cancellationToken)
                : await container.ReplaceItemAsync(item, ItemId, partition, new ItemRequestOptions { IfMatchEtag = ifMatch }, cancellationToken);
            return response.ETag;
        }
        catch (CosmosException exception) when (exception.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict or HttpStatusCode.NotFound)
        {
            throw new ConcurrencyConflictException($"The checklist of {checklist.DocumentId} changed since it was read.", exception);
        }
    }

    private sealed record Item(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("documentId")] string DocumentId,
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("body")] DocumentChecklist Body)
    {
        [JsonPropertyName("_etag")]
        public string? ETag { get; init; }
    }
}
