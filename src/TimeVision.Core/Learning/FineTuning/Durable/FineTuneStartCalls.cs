using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace TimeVision.Core.Learning.FineTuning.Durable;

/// <summary>Typed calls of <see cref="FineTuneStart"/> and its activities, by their class names.</summary>
public static class FineTuneStartCalls
{
    /// <summary>Schedules <see cref="FineTuneStart"/>.</summary>
    /// <returns>The instance id.</returns>
    public static Task<string> ScheduleNewFineTuneStartInstanceAsync(
        this DurableTaskClient client, FineTuneStartInput input, StartOrchestrationOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.ScheduleNewOrchestrationInstanceAsync(nameof(FineTuneStart), input, options, cancellationToken);
    }

    /// <summary>Calls <see cref="UploadTrainingFiles"/>.</summary>
    public static Task<FineTuneStepResult> CallUploadTrainingFilesAsync(this TaskOrchestrationContext context, FineTuneStartInput input, TaskOptions? options)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.CallActivityAsync<FineTuneStepResult>(nameof(UploadTrainingFiles), input, options);
    }

    /// <summary>Calls <see cref="CreateFineTuneJob"/>.</summary>
    public static Task<FineTuneStepResult> CallCreateFineTuneJobAsync(this TaskOrchestrationContext context, FineTuneStartInput input, TaskOptions? options)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.CallActivityAsync<FineTuneStepResult>(nameof(CreateFineTuneJob), input, options);
    }

    /// <summary>Calls <see cref="RecordFineTuneJob"/>.</summary>
    public static Task<string> CallRecordFineTuneJobAsync(this TaskOrchestrationContext context, FineTuneStartInput input, TaskOptions? options)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.CallActivityAsync<string>(nameof(RecordFineTuneJob), input, options);
    }
}
