using Microsoft.Azure.Functions.Worker;
using TimeVision.Core.FineTuning;
using TimeVision.Core.FineTuning.Durable;

namespace TimeVision.Functions.Activities;

/// <summary>The fine-tuning start's steps as functions, each a thin shell over <see cref="FineTuneStartSteps"/>.</summary>
/// <param name="steps">The shared steps.</param>
public sealed class FineTuneStartActivities(FineTuneStartSteps steps)
{
    /// <summary>Export the labels and upload both files.</summary>
    [Function(FineTuneStartOrchestration.UploadActivity)]
    public Task<FineTuneStepResult> UploadAsync([ActivityTrigger] FineTuneStartInput input, CancellationToken cancellationToken) =>
        steps.UploadAsync(input, cancellationToken);

    /// <summary>Create the provider's job.</summary>
    [Function(FineTuneStartOrchestration.CreateJobActivity)]
    public Task<FineTuneStepResult> CreateJobAsync([ActivityTrigger] FineTuneStartInput input, CancellationToken cancellationToken) =>
        steps.CreateJobAsync(input, cancellationToken);

    /// <summary>Record the job in the job store.</summary>
    [Function(FineTuneStartOrchestration.RecordActivity)]
    public Task<string> RecordJobAsync([ActivityTrigger] FineTuneStartInput input, CancellationToken cancellationToken) =>
        steps.RecordJobAsync(input, cancellationToken);
}
