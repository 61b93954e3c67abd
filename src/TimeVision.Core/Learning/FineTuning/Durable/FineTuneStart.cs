using Microsoft.DurableTask;

namespace TimeVision.Core.Learning.FineTuning.Durable;

/// <summary>
/// A fine-tuning start as one deterministic Durable Task orchestration, outside any HTTP request: export the labels
/// and upload both files, create the provider's job, record it in the job store. Each step is idempotent (see
/// <see cref="StoredFineTuneStart"/>), so a step replayed after a crash neither uploads twice nor starts a second job.
/// An input the start cannot use (too few examples, a bad suffix) ends it with a typed <see cref="FineTuneStartError"/>.
/// </summary>
public sealed class FineTuneStart : TaskOrchestrator<FineTuneStartInput, FineTuneStartOutcome>
{
    /// <inheritdoc />
    public override async Task<FineTuneStartOutcome> RunAsync(TaskOrchestrationContext context, FineTuneStartInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var retry = TaskOptions.FromRetryPolicy(new RetryPolicy(
            maxNumberOfAttempts: input.ActivityAttempts, firstRetryInterval: input.ActivityFirstRetry, backoffCoefficient: 2));

        context.SetCustomStatus(new FineTuneStartProgress("uploading"));
        var uploaded = await context.CallUploadTrainingFilesAsync(input, retry);
        if (uploaded.Error is { } uploadError)
        {
            return Ended(context, new FineTuneStartOutcome(null, uploadError));
        }

        context.SetCustomStatus(new FineTuneStartProgress("creating_job"));
        var created = await context.CallCreateFineTuneJobAsync(input, retry);
        if (created.Error is { } createError)
        {
            return Ended(context, new FineTuneStartOutcome(null, createError));
        }

        context.SetCustomStatus(new FineTuneStartProgress("recording_job"));
        var jobId = await context.CallRecordFineTuneJobAsync(input, retry);
        return Ended(context, new FineTuneStartOutcome(jobId, null));
    }

    private static FineTuneStartOutcome Ended(TaskOrchestrationContext context, FineTuneStartOutcome outcome)
    {
        context.SetCustomStatus(new FineTuneStartProgress("done"));
        return outcome;
    }
}
