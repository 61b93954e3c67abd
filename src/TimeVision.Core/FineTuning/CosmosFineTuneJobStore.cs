using System.Text.Json.Serialization;
using Microsoft.Azure.Cosmos;
using TimeVision.Core.Storage;

namespace TimeVision.Core.FineTuning;

/// <summary>
/// Fine-tuning jobs in the <c>models</c> container (partition key <c>/kind</c>), all in the <c>fine_tune_job</c>
/// partition, so listing them is a single-partition query.
/// </summary>
public sealed class CosmosFineTuneJobStore : IFineTuneJobStore
{
    private const string Kind = "fine_tune_job";
    private readonly Container _container;

    /// <summary>Creates the store.</summary>
    /// <param name="container">The <c>models</c> container.</param>
    public CosmosFineTuneJobStore(Container container) => _container = container;

    /// <inheritdoc />
    public Task SaveAsync(FineTuneJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return _container.UpsertItemAsync(new Item(job.JobId, Kind, job), new PartitionKey(Kind), cancellationToken: cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<FineTuneJob>> ListAsync(CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.kind = @kind").WithParameter("@kind", Kind);
        var jobs = (await CosmosQuery.InPartitionAsync<Item>(_container, query, Kind, cancellationToken)).Select(item => item.Job);
        return [.. jobs.OrderBy(j => j.CreatedAt).ThenBy(j => j.JobId, StringComparer.Ordinal)];
    }

    private sealed record Item(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("kind")] string Kind,
        [property: JsonPropertyName("job")] FineTuneJob Job);
}
