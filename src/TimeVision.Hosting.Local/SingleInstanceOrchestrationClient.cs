using DurableTask.Core;
using DurableTask.Core.Exceptions;
using DurableTask.Core.Query;

namespace TimeVision.Hosting.Local;

/// <summary>
/// The in-memory engine's client with the start rule the Functions host applies (Durable Functions'
/// <c>OverridableExistingInstanceStates = NonRunningStates</c>): starting an instance id that is pending or running
/// fails with <see cref="OrchestrationAlreadyExistsException"/> instead of adding a second start to it, which leaves
/// the in-memory instance stuck. Two uploads of one PDF at the same moment (two requests to <c>timevision serve</c>,
/// an event delivered twice) then start one run, as in Azure. A finished instance may be started again.
/// </summary>
internal sealed class SingleInstanceOrchestrationClient<TClient>(TClient inner)
    : IOrchestrationServiceClient, IOrchestrationServiceQueryClient, IOrchestrationServicePurgeClient, IDisposable
    where TClient : IOrchestrationServiceClient, IOrchestrationServiceQueryClient, IOrchestrationServicePurgeClient
{
    private static readonly OrchestrationStatus[] Unfinished = [OrchestrationStatus.Pending, OrchestrationStatus.Running, OrchestrationStatus.Suspended];

    // Ids whose start was accepted: the in-memory store may show no state for them until the run is first picked up.
    private readonly HashSet<string> _started = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage) => CreateTaskOrchestrationAsync(creationMessage, Unfinished);

    public async Task CreateTaskOrchestrationAsync(TaskMessage creationMessage, OrchestrationStatus[]? dedupeStatuses)
    {
        ArgumentNullException.ThrowIfNull(creationMessage);
        var instanceId = creationMessage.OrchestrationInstance.InstanceId;
        await _gate.WaitAsync();
        try
        {
            var state = await inner.GetOrchestrationStateAsync(instanceId, executionId: null);
            var unfinished = state is null ? _started.Contains(instanceId) : Unfinished.Contains(state.OrchestrationStatus);
            if (unfinished)
            {
                throw new OrchestrationAlreadyExistsException($"An orchestration with id '{instanceId}' is already pending or running.");
            }

            await inner.CreateTaskOrchestrationAsync(creationMessage, Unfinished.Union(dedupeStatuses ?? []).ToArray());
            _started.Add(instanceId);
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task SendTaskOrchestrationMessageAsync(TaskMessage message) => inner.SendTaskOrchestrationMessageAsync(message);

    public Task SendTaskOrchestrationMessageBatchAsync(params TaskMessage[] messages) => inner.SendTaskOrchestrationMessageBatchAsync(messages);

    public Task<OrchestrationState> WaitForOrchestrationAsync(string instanceId, string executionId, TimeSpan timeout, CancellationToken cancellationToken) =>
        inner.WaitForOrchestrationAsync(instanceId, executionId, timeout, cancellationToken);

    public Task ForceTerminateTaskOrchestrationAsync(string instanceId, string reason) => inner.ForceTerminateTaskOrchestrationAsync(instanceId, reason);

    public Task<IList<OrchestrationState>> GetOrchestrationStateAsync(string instanceId, bool allExecutions) =>
        inner.GetOrchestrationStateAsync(instanceId, allExecutions);

    public Task<OrchestrationState> GetOrchestrationStateAsync(string instanceId, string executionId) =>
        inner.GetOrchestrationStateAsync(instanceId, executionId);

    public Task<string> GetOrchestrationHistoryAsync(string instanceId, string executionId) => inner.GetOrchestrationHistoryAsync(instanceId, executionId);

    public Task PurgeOrchestrationHistoryAsync(DateTime thresholdDateTimeUtc, OrchestrationStateTimeRangeFilterType timeRangeFilterType) =>
        inner.PurgeOrchestrationHistoryAsync(thresholdDateTimeUtc, timeRangeFilterType);

    public Task<OrchestrationQueryResult> GetOrchestrationWithQueryAsync(OrchestrationQuery query, CancellationToken cancellationToken) =>
        inner.GetOrchestrationWithQueryAsync(query, cancellationToken);

    public Task<PurgeResult> PurgeInstanceStateAsync(string instanceId) => inner.PurgeInstanceStateAsync(instanceId);

    public Task<PurgeResult> PurgeInstanceStateAsync(PurgeInstanceFilter purgeInstanceFilter) => inner.PurgeInstanceStateAsync(purgeInstanceFilter);

    public void Dispose() => _gate.Dispose();
}
