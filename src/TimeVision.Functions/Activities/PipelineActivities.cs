using Microsoft.Azure.Functions.Worker;
using TimeVision.Core.Pipeline;
using TimeVision.Core.Pipeline.Durable;

namespace TimeVision.Functions.Activities;

/// <summary>The pipeline's activities as functions, each a thin shell over <see cref="DocumentPipeline"/>.</summary>
/// <param name="pipeline">The shared pipeline steps.</param>
public sealed class PipelineActivities(DocumentPipeline pipeline)
{
    /// <summary>Inspect the PDF.</summary>
    [Function(EstimateDocumentOrchestration.InspectActivity)]
    public Task<InspectionOutcome> InspectAsync([ActivityTrigger] EstimateDocumentRequest request, CancellationToken cancellationToken) =>
        pipeline.InspectAsync(request, cancellationToken);

    /// <summary>Render one page and store its PNG.</summary>
    [Function(EstimateDocumentOrchestration.RenderActivity)]
    public Task<RenderedPageReference> RenderPageAsync([ActivityTrigger] RenderPageRequest request, CancellationToken cancellationToken) =>
        pipeline.RenderPageAsync(request, cancellationToken);

    /// <summary>Send one page to the vision model.</summary>
    [Function(EstimateDocumentOrchestration.EstimateActivity)]
    public Task<PageResultReference> EstimatePageAsync([ActivityTrigger] EstimatePageRequest request, CancellationToken cancellationToken) =>
        pipeline.EstimateStoredPageAsync(request, cancellationToken);

    /// <summary>Fan in and store the document estimate.</summary>
    [Function(EstimateDocumentOrchestration.SaveActivity)]
    public Task<DocumentSummary> SaveAsync([ActivityTrigger] SaveDocumentRequest request, CancellationToken cancellationToken) =>
        pipeline.SaveAsync(request, cancellationToken);
}
