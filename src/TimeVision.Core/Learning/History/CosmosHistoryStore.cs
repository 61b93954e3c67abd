using System.Net;
using System.Text.Json.Serialization;
using Microsoft.Azure.Cosmos;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Learning.History;

/// <summary>
/// The history index in the <c>estimates</c> container, in a partition of its own (<c>_history</c>): one small item per
/// labelled part, so loading the whole index is one single-partition query, never a cross-partition one.
/// </summary>
/// <param name="container">The <c>estimates</c> container (partition key <c>/documentId</c>).</param>
public sealed class CosmosHistoryStore(Container container) : IHistoryStore
{
    /// <summary>The partition the index lives in.</summary>
    public const string Partition = "_history";

    private const string EntryType = "history";

    /// <inheritdoc />
    public async Task<IReadOnlyList<HistoryEntry>> ListAsync(CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.documentId = @partition").WithParameter("@partition", Partition);
        var items = await CosmosQuery.InPartitionAsync<Item>(container, query, Partition, cancellationToken);
        return [.. items.Select(item => item.Body)];
    }

    /// <inheritdoc />
    public async Task ReplaceAsync(string documentId, IReadOnlyList<HistoryEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var query = new QueryDefinition("SELECT * FROM c WHERE c.documentId = @partition AND c.owner = @owner")
            .WithParameter("@partition", Partition)
            .WithParameter("@owner", documentId);
        var existing = await CosmosQuery.InPartitionAsync<Item>(container, query, Partition, cancellationToken);
        foreach (var entry in entries)
        {
            await container.UpsertItemAsync(new Item(entry.Key, Partition, EntryType, documentId, entry), new PartitionKey(Partition), cancellationToken: cancellationToken);
        }

        foreach (var stale in existing.Where(item => entries.All(entry => entry.Key != item.Id)))
        {
            try
            {
                await container.DeleteItemAsync<Item>(stale.Id, new PartitionKey(Partition), cancellationToken: cancellationToken);
            }
            catch (CosmosException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
            {
                // Another instance removed it first.
            }
        }
    }

    private sealed record Item(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("documentId")] string DocumentId,
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("owner")] string Owner,
        [property: JsonPropertyName("body")] HistoryEntry Body);
}
