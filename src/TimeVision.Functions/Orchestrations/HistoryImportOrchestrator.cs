using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using TimeVision.Core.History.Durable;

namespace TimeVision.Functions.Orchestrations;

/// <summary>The history import orchestration as a function: the shared implementation, nothing more.</summary>
public static class HistoryImportOrchestrator
{
    /// <summary>Runs <see cref="HistoryImportOrchestration"/>.</summary>
    [Function(HistoryImportOrchestration.Name)]
    public static Task<HistoryImportResult> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return HistoryImportOrchestration.RunAsync(
            context, context.GetInput<HistoryImportInput>() ?? throw new InvalidOperationException("The orchestration has no input."));
    }
}
