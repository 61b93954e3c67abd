using System.Text.Json.Serialization;
using Microsoft.Azure.Cosmos;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Learning.FineTuning;

/// <summary>
/// Fine-tuning jobs in the <c>models</c> container (partition key <c>/kind</c>), all in the <c>fine_tune_job</c>
/// partition, so listing them is a single-partition query; the progress of durable starts in the
/// <c>fine_tune_start</c> partition. Items are read by a single-partition query on their id (the local server answers
/// a point read of a missing item with a 500).
/// </summary>
/// <param name="container">The <c>models</c> container.</param>
public sealed class CosmosFineTuneJobStore(Container container) : IFineTuneJobStore
{
    private const string Kind = "fine_tune_job";
    private const string StartKind = "fine_tune_start";

    /// <inheritdoc />
    public Task SaveAsync(FineTuneJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return container.UpsertItemAsync(new Item(job.JobId, Kind, job), new PartitionKey(Kind), cancellationToken: cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<FineTuneJob>> ListAsync(CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.kind = @kind").WithParameter("@kind", Kind);
        var jobs = (await CosmosQuery.InPartitionAsync<Item>(container, query, Kind, cancellationToken)).Select(item => item.Job);
        return [.. jobs.OrderBy(j => j.CreatedAt).ThenBy(j => j.JobId, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async Task<FineTuneJob?> GetAsync(string jobId, CancellationToken cancellationToken) =>
        (await FindAsync<Item>(Kind, jobId, cancellationToken))?.Job;

    /// <inheritdoc />
    public Task SaveStartAsync(StoredFineTuneStart start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        return container.UpsertItemAsync(new StartItem(start.StartId, StartKind, start), new PartitionKey(StartKind), cancellationToken: cancellationToken);
    }

    /// <inheritdoc />
    public async Task<StoredFineTuneStart?> GetStartAsync(string startId, CancellationToken cancellationToken) =>
        (await FindAsync<StartItem>(StartKind, startId, cancellationToken))?.Start;

    private Task<T?> FindAsync<T>(string kind, string id, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.kind = @kind AND c.id = @id").WithParameter("@kind", kind).WithParameter("@id", id);
        return CosmosQuery.FirstInPartitionAsync<T>(container, query, kind, cancellationToken);
    }

    private sealed record StartItem(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("kind")] string Kind,
        [property: JsonPropertyName("start")] StoredFineTuneStart Start);

    private sealed record Item(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("kind")] string Kind,
        [property: JsonPropertyName("job")] FineTuneJob Job);
}
