using Microsoft.DurableTask;

namespace TimeVision.Core.Learning.History.Durable;

/// <summary>
/// A history import in the Functions app, outside the HTTP request that asked for it: one activity runs
/// <see cref="HistoryImporter"/> over the <c>history</c> container and stores the summary, with a durable retry. The
/// import is safe to run again (a stored document is not rendered again, an equal label stores nothing), so a retry
/// after a crash goes on where the first try stopped.
/// </summary>
public sealed class HistoryImport : TaskOrchestrator<HistoryImportInput, HistoryImportResult>
{
    /// <inheritdoc />
    public override async Task<HistoryImportResult> RunAsync(TaskOrchestrationContext context, HistoryImportInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var retry = TaskOptions.FromRetryPolicy(new RetryPolicy(
            maxNumberOfAttempts: input.ActivityAttempts, firstRetryInterval: input.ActivityFirstRetry, backoffCoefficient: 2));
        context.SetCustomStatus(new HistoryImportStage("importing"));
        var result = await context.CallRunHistoryImportAsync(input, retry);
        context.SetCustomStatus(new HistoryImportStage("done"));
        return result;
    }
}
