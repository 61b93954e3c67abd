using TimeVision.Core.Durable;

namespace TimeVision.Core.Learning.History.Durable;

/// <summary>Runs the import over the history container and stores its summary (<see cref="HistoryImportSteps"/>).</summary>
/// <param name="steps">The import's step.</param>
/// <param name="stopping">The host's stopping token.</param>
public sealed class RunHistoryImport(HistoryImportSteps steps, ActivityStopping stopping)
    : CancellableActivity<HistoryImportInput, HistoryImportResult>(stopping)
{
    /// <inheritdoc />
    public override Task<HistoryImportResult> RunAsync(HistoryImportInput input, CancellationToken cancellationToken) =>
        steps.RunAsync(input, cancellationToken);
}
