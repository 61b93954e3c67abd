using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using TimeVision.Core.Learning.History.Durable;

namespace TimeVision.Functions.Durable;

/// <summary>The history import's Core classes as functions, each a one-line shim under its class name.</summary>
/// <param name="run">Runs one history import.</param>
public sealed class HistoryImportFunctions(RunHistoryImport run)
{
    /// <summary>Runs <see cref="HistoryImport"/>.</summary>
    [Function(nameof(HistoryImport))]
    public static Task<HistoryImportResult> HistoryImportAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        OrchestratorShim.RunAsync(new HistoryImport(), context);

    /// <summary>Runs <see cref="RunHistoryImport"/>.</summary>
    [Function(nameof(RunHistoryImport))]
    public Task<HistoryImportResult> RunHistoryImportAsync([ActivityTrigger] HistoryImportInput input, CancellationToken cancellationToken) =>
        run.RunAsync(input, cancellationToken);
}
