using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using TimeVision.Core.Pipeline;
using TimeVision.Core.Pipeline.Durable;

namespace TimeVision.Functions.Orchestrations;

/// <summary>The document orchestration as a function: the shared implementation, nothing more.</summary>
public static class EstimateDocumentOrchestrator
{
    /// <summary>Runs <see cref="EstimateDocumentOrchestration"/>.</summary>
    [Function(EstimateDocumentOrchestration.Name)]
    public static Task<DocumentSummary> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return EstimateDocumentOrchestration.RunAsync(
            context, context.GetInput<EstimateDocumentRequest>() ?? throw new InvalidOperationException("The orchestration has no input."));
    }
}
