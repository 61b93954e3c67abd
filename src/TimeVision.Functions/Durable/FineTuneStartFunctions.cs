using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using TimeVision.Core.Learning.FineTuning;
using TimeVision.Core.Learning.FineTuning.Durable;

namespace TimeVision.Functions.Durable;

/// <summary>The fine-tuning start's Core classes as functions, each a one-line shim under its class name.</summary>
/// <param name="upload">Uploads the training files.</param>
/// <param name="create">Creates the fine-tuning job.</param>
/// <param name="record">Records the job in the job store.</param>
public sealed class FineTuneStartFunctions(UploadTrainingFiles upload, CreateFineTuneJob create, RecordFineTuneJob record)
{
    /// <summary>Runs <see cref="FineTuneStart"/>.</summary>
    [Function(nameof(FineTuneStart))]
    public static Task<FineTuneStartOutcome> FineTuneStartAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        OrchestratorShim.RunAsync(new FineTuneStart(), context);

    /// <summary>Runs <see cref="UploadTrainingFiles"/>.</summary>
    [Function(nameof(UploadTrainingFiles))]
    public Task<FineTuneStepResult> UploadTrainingFilesAsync([ActivityTrigger] FineTuneStartInput input, CancellationToken cancellationToken) =>
        upload.RunAsync(input, cancellationToken);

    /// <summary>Runs <see cref="CreateFineTuneJob"/>.</summary>
    [Function(nameof(CreateFineTuneJob))]
    public Task<FineTuneStepResult> CreateFineTuneJobAsync([ActivityTrigger] FineTuneStartInput input, CancellationToken cancellationToken) =>
        create.RunAsync(input, cancellationToken);

    /// <summary>Runs <see cref="RecordFineTuneJob"/>.</summary>
    [Function(nameof(RecordFineTuneJob))]
    public Task<string> RecordFineTuneJobAsync([ActivityTrigger] FineTuneStartInput input, CancellationToken cancellationToken) =>
        record.RunAsync(input, cancellationToken);
}
