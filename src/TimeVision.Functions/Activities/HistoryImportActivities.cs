using Microsoft.Azure.Functions.Worker;
using TimeVision.Core.History.Durable;

namespace TimeVision.Functions.Activities;

/// <summary>The history import's step as a function, a thin shell over <see cref="HistoryImportSteps"/>.</summary>
/// <param name="steps">The shared step.</param>
public sealed class HistoryImportActivities(HistoryImportSteps steps)
{
    /// <summary>Run the import over the history container and store its summary.</summary>
    [Function(HistoryImportOrchestration.RunActivity)]
    public Task<HistoryImportResult> RunAsync([ActivityTrigger] HistoryImportInput input, CancellationToken cancellationToken) =>
        steps.RunAsync(input, cancellationToken);
}
