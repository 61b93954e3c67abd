using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace TimeVision.Core.Learning.History.Durable;

/// <summary>Typed calls of <see cref="HistoryImport"/> and its activity, by their class names.</summary>
public static class HistoryImportCalls
{
    /// <summary>Schedules <see cref="HistoryImport"/>.</summary>
    /// <returns>The instance id.</returns>
    public static Task<string> ScheduleNewHistoryImportInstanceAsync(
        this DurableTaskClient client, HistoryImportInput input, StartOrchestrationOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.ScheduleNewOrchestrationInstanceAsync(nameof(HistoryImport), input, options, cancellationToken);
    }

    /// <summary>Calls <see cref="RunHistoryImport"/>.</summary>
    public static Task<HistoryImportResult> CallRunHistoryImportAsync(this TaskOrchestrationContext context, HistoryImportInput input, TaskOptions? options)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.CallActivityAsync<HistoryImportResult>(nameof(RunHistoryImport), input, options);
    }
}
