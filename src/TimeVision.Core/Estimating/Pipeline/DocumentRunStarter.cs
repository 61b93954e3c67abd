using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TimeVision.Core.Estimating.Pipeline.Durable;
using TimeVision.Core.Estimating.Pipeline.Recovery;

namespace TimeVision.Core.Estimating.Pipeline;

/// <summary>
/// The one place a document's orchestration is scheduled, for every host and every way in (an intake, a retry, a
/// resume after a crash): it records the run (<see cref="IRunJournal"/>) and schedules it under the document id, so a
/// document has at most one run. Starting a document that is already running is not an error: it answers that it runs.
/// </summary>
/// <param name="runs">The journal a host whose engine forgets resumes from.</param>
public sealed class DocumentRunStarter(IRunJournal runs)
{
    /// <summary>The orchestration for a document if it is pending or running.</summary>
    public static async Task<OrchestrationMetadata?> FindRunningAsync(DurableTaskClient client, string documentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var instance = await client.GetInstanceAsync(documentId, getInputsAndOutputs: false, cancellationToken);
        return instance?.RuntimeStatus is OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running ? instance : null;
    }

    /// <summary>
    /// Records <paramref name="run"/> and schedules its orchestration under its document id: <see langword="true"/> when
    /// it started, <see langword="false"/> when another start of the same document (a blob event firing twice, a second
    /// upload) won the race and it is running. A failure to schedule with nothing running is thrown: the engine is at fault.
    /// </summary>
    public async Task<bool> StartAsync(DurableTaskClient client, RunRecord run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(run);
        var id = run.DocumentId;
        try
        {
            await runs.RecordAsync(run, cancellationToken);
            await client.ScheduleNewEstimateDocumentInstanceAsync(run.Request, new StartOrchestrationOptions(id), cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            if (await FindRunningAsync(client, id, cancellationToken) is not null)
            {
                return false;
            }

            throw;
        }
    }
}
