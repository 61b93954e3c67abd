using System.Net;
using System.Text.Json.Serialization;
using Microsoft.Azure.Cosmos;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Estimating.Vision.Spend;

/// <summary>
/// Daily totals as small items in the <c>estimates</c> container's <c>_daily</c> partition, changed only with the
/// ETag they were read with: a conflict reads again, so concurrent instances never overshoot a limit.
/// </summary>
/// <param name="container">The <c>estimates</c> container (partition key <c>/documentId</c>).</param>
public sealed class CosmosDailyTotals(Container container) : IDailyTotals
{
    private const string Partition = "_daily";
    private const int MaxAttempts = 10;

    /// <inheritdoc />
    public async Task<bool> TryAddAsync(string name, DateOnly day, double amount, double limit, CancellationToken cancellationToken)
    {
        var id = IdOf(name, day);
        for (var attempt = 1; ; attempt++)
        {
            var current = await FindAsync(id, cancellationToken);
            var total = current?.Total ?? 0;
            if (total + amount > limit)
            {
                return false;
            }

            try
            {
                var next = new DayTotal(id, Partition, total + amount);
                if (current is null)
                {
                    await container.CreateItemAsync(next, new PartitionKey(Partition), cancellationToken: cancellationToken);
                }
                else
                {
                    await container.ReplaceItemAsync(
                        next, id, new PartitionKey(Partition), new ItemRequestOptions { IfMatchEtag = current.ETag }, cancellationToken);
                }

                return true;
            }
            catch (CosmosException exception) when (exception.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed && attempt < MaxAttempts)
            {
                // Another instance changed the total since it was read: read it again.
            }
        }
    }

    /// <inheritdoc />
    public async Task<double> GetAsync(string name, DateOnly day, CancellationToken cancellationToken) =>
        (await FindAsync(IdOf(name, day), cancellationToken))?.Total ?? 0;

    private async Task<DayTotal?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.documentId = @partition AND c.id = @id")
            .WithParameter("@partition", Partition)
            .WithParameter("@id", id);
        return await CosmosQuery.FirstInPartitionAsync<DayTotal>(container, query, Partition, cancellationToken);
    }

    private static string IdOf(string name, DateOnly day) => $"{name}:{day:yyyy-MM-dd}";

    private sealed record DayTotal(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("documentId")] string DocumentId,
        [property: JsonPropertyName("total")] double Total)
    {
        [JsonPropertyName("_etag")]
        public string? ETag { get; init; }
    }
}
