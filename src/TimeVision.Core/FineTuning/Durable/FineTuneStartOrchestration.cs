using Microsoft.DurableTask;

namespace TimeVision.Core.FineTuning.Durable;

/// <summary>
/// A fine-tuning start as one deterministic Durable Task orchestration, outside any HTTP request: export the labels
/// and upload both files, create the provider's job, record it in the job store. Each step is idempotent (see
/// <see cref="FineTuneStart"/>), so a step replayed after a crash neither uploads twice nor starts a second job. An
/// input the start cannot use (too few examples, a bad suffix) ends it with a typed <see cref="FineTuneStartError"/>.
/// </summary>
public static class FineTuneStartOrchestration
{
    /// <summary>The orchestrator's registered name.</summary>
    public const string Name = "FineTuneStart";

    /// <summary>The step that exports the labels and uploads <c>train.jsonl</c> and <c>validation.jsonl</c>.</summary>
    public const string UploadActivity = "UploadTrainingFiles";

    /// <summary>The step that creates the provider's job.</summary>
    public const string CreateJobActivity = "CreateFineTuneJob";

    /// <summary>The step that records the job in the job store.</summary>
    public const string RecordActivity = "RecordFineTuneJob";

    /// <summary>Runs the orchestration.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <param name="input">The start.</param>
    public static async Task<FineTuneStartOutcome> RunAsync(TaskOrchestrationContext context, FineTuneStartInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var retry = TaskOptions.FromRetryPolicy(new RetryPolicy(
            maxNumberOfAttempts: input.ActivityAttempts, firstRetryInterval: input.ActivityFirstRetry, backoffCoefficient: 2));

        context.SetCustomStatus(new FineTuneStartProgress("uploading"));
        var uploaded = await context.CallActivityAsync<FineTuneStepResult>(UploadActivity, input, retry);
        if (uploaded.Error is { } uploadError)
        {
            return Ended(context, new FineTuneStartOutcome(null, uploadError));
        }

        context.SetCustomStatus(new FineTuneStartProgress("creating_job"));
        var created = await context.CallActivityAsync<FineTuneStepResult>(CreateJobActivity, input, retry);
        if (created.Error is { } createError)
        {
            return Ended(context, new FineTuneStartOutcome(null, createError));
        }

        context.SetCustomStatus(new FineTuneStartProgress("recording_job"));
        var jobId = await context.CallActivityAsync<string>(RecordActivity, input, retry);
        return Ended(context, new FineTuneStartOutcome(jobId, null));
    }

    private static FineTuneStartOutcome Ended(TaskOrchestrationContext context, FineTuneStartOutcome outcome)
    {
        context.SetCustomStatus(new FineTuneStartProgress("done"));
        return outcome;
    }
}
