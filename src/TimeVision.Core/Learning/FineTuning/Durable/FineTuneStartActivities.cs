using TimeVision.Core.Durable;

namespace TimeVision.Core.Learning.FineTuning.Durable;

/// <summary>Exports the labels and uploads <c>train.jsonl</c> and <c>validation.jsonl</c> (<see cref="FineTuneStartSteps.UploadAsync"/>).</summary>
/// <param name="steps">The start's steps.</param>
/// <param name="stopping">The host's stopping token.</param>
public sealed class UploadTrainingFiles(FineTuneStartSteps steps, ActivityStopping stopping)
    : CancellableActivity<FineTuneStartInput, FineTuneStepResult>(stopping)
{
    /// <inheritdoc />
    public override Task<FineTuneStepResult> RunAsync(FineTuneStartInput input, CancellationToken cancellationToken) =>
        steps.UploadAsync(input, cancellationToken);
}

/// <summary>Creates the provider's job (<see cref="FineTuneStartSteps.CreateJobAsync"/>).</summary>
/// <param name="steps">The start's steps.</param>
/// <param name="stopping">The host's stopping token.</param>
public sealed class CreateFineTuneJob(FineTuneStartSteps steps, ActivityStopping stopping)
    : CancellableActivity<FineTuneStartInput, FineTuneStepResult>(stopping)
{
    /// <inheritdoc />
    public override Task<FineTuneStepResult> RunAsync(FineTuneStartInput input, CancellationToken cancellationToken) =>
        steps.CreateJobAsync(input, cancellationToken);
}

/// <summary>Records the job in the job store (<see cref="FineTuneStartSteps.RecordJobAsync"/>).</summary>
/// <param name="steps">The start's steps.</param>
/// <param name="stopping">The host's stopping token.</param>
public sealed class RecordFineTuneJob(FineTuneStartSteps steps, ActivityStopping stopping)
    : CancellableActivity<FineTuneStartInput, string>(stopping)
{
    /// <inheritdoc />
    public override Task<string> RunAsync(FineTuneStartInput input, CancellationToken cancellationToken) =>
        steps.RecordJobAsync(input, cancellationToken);
}
