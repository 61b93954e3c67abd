using Microsoft.DurableTask;

namespace TimeVision.Core.Pipeline.Durable;

/// <summary>Registers the pipeline's orchestrator and activities with a class-based Durable Task worker.</summary>
public static class PipelineTaskRegistration
{
    /// <summary>Adds <see cref="EstimateDocumentTask"/> and its four activities.</summary>
    /// <param name="registry">The worker's task registry.</param>
    public static DurableTaskRegistry AddDocumentPipeline(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator<EstimateDocumentTask>()
            .AddActivity<InspectDocumentActivity>()
            .AddActivity<RenderPageActivity>()
            .AddActivity<EstimatePageActivity>()
            .AddActivity<SaveDocumentActivity>();
    }
}
