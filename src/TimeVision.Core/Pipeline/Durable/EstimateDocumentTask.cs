using Microsoft.DurableTask;

namespace TimeVision.Core.Pipeline.Durable;

/// <summary>The orchestration as a class-based orchestrator, for workers that register classes (the CLI's local engine); the Functions app has its own function.</summary>
[DurableTask(EstimateDocumentOrchestration.Name)]
public sealed class EstimateDocumentTask : TaskOrchestrator<EstimateDocumentRequest, DocumentSummary>
{
    /// <inheritdoc />
    public override Task<DocumentSummary> RunAsync(TaskOrchestrationContext context, EstimateDocumentRequest input) =>
        EstimateDocumentOrchestration.RunAsync(context, input);
}
