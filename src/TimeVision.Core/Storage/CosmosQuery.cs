using System.Net;
using Microsoft.Azure.Cosmos;

namespace TimeVision.Core.Storage;

/// <summary>
/// The one way TimeVision queries Cosmos DB: always within one partition (what the local Cosmos DB server supports and
/// what keeps a query cheap), read to the end, and asked once more on a 404. A query answers a missing item with no
/// rows, never 404: a 404 is the SDK's routing cache gone stale for a container created moments ago (seen on the local
/// server), and asking again, after a moment, refreshes it.
/// </summary>
internal static class CosmosQuery
{
    private const int StaleCacheAttempts = 4;
    private static readonly TimeSpan StaleCacheWait = TimeSpan.FromMilliseconds(100);

    /// <summary>Every item <paramref name="query"/> finds in <paramref name="partition"/>.</summary>
    public static async Task<List<T>> InPartitionAsync<T>(
        Container container, QueryDefinition query, string partition, CancellationToken cancellationToken, int? maxItems = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ReadAsync<T>(container, query, partition, maxItems, cancellationToken);
            }
            catch (CosmosException exception) when (exception.StatusCode == HttpStatusCode.NotFound && attempt < StaleCacheAttempts)
            {
                // Once was not always enough on the local server: give its routing answer a moment to settle.
                await Task.Delay(StaleCacheWait * attempt, cancellationToken);
            }
        }
    }

    /// <summary>The first item <paramref name="query"/> finds in <paramref name="partition"/>, or the default.</summary>
    public static async Task<T?> FirstInPartitionAsync<T>(Container container, QueryDefinition query, string partition, CancellationToken cancellationToken) =>
        (await InPartitionAsync<T>(container, query, partition, cancellationToken, maxItems: 1)).FirstOrDefault();

    private static async Task<List<T>> ReadAsync<T>(Container container, QueryDefinition query, string partition, int? maxItems, CancellationToken cancellationToken)
    {
        using var iterator = container.GetItemQueryIterator<T>(
            query, requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(partition), MaxItemCount = maxItems });
        var items = new List<T>();
        while (iterator.HasMoreResults && (maxItems is null || items.Count < maxItems))
        {
            items.AddRange(await iterator.ReadNextAsync(cancellationToken));
        }

        return maxItems is { } most ? items.Take(most).ToList() : items;
    }
}
