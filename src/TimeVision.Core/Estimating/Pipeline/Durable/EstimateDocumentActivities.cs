using TimeVision.Core.Durable;

namespace TimeVision.Core.Estimating.Pipeline.Durable;

/// <summary>Inspects the PDF: pages and sizes, or why it cannot be estimated.</summary>
/// <param name="pipeline">The pipeline steps.</param>
/// <param name="stopping">The host's stopping token.</param>
public sealed class InspectDocument(DocumentPipeline pipeline, ActivityStopping stopping)
    : CancellableActivity<EstimateDocumentRequest, InspectionOutcome>(stopping)
{
    /// <inheritdoc />
    public override Task<InspectionOutcome> RunAsync(EstimateDocumentRequest input, CancellationToken cancellationToken) =>
        pipeline.InspectAsync(input, cancellationToken);
}

/// <summary>Renders one page and stores its PNG and text-layer facts.</summary>
/// <param name="pipeline">The pipeline steps.</param>
/// <param name="stopping">The host's stopping token.</param>
public sealed class RenderPage(DocumentPipeline pipeline, ActivityStopping stopping)
    : CancellableActivity<RenderPageRequest, RenderedPageReference>(stopping)
{
    /// <inheritdoc />
    public override Task<RenderedPageReference> RunAsync(RenderPageRequest input, CancellationToken cancellationToken) =>
        pipeline.RenderPageAsync(input, cancellationToken);
}

/// <summary>Estimates one stored page with the model the request names.</summary>
/// <param name="pipeline">The pipeline steps.</param>
/// <param name="stopping">The host's stopping token.</param>
public sealed class EstimatePage(DocumentPipeline pipeline, ActivityStopping stopping)
    : CancellableActivity<EstimatePageRequest, PageResultReference>(stopping)
{
    /// <inheritdoc />
    public override Task<PageResultReference> RunAsync(EstimatePageRequest input, CancellationToken cancellationToken) =>
        pipeline.EstimateStoredPageAsync(input, cancellationToken);
}

/// <summary>Fans the pages back in and stores the document estimate.</summary>
/// <param name="pipeline">The pipeline steps.</param>
/// <param name="stopping">The host's stopping token.</param>
public sealed class SaveDocumentEstimate(DocumentPipeline pipeline, ActivityStopping stopping)
    : CancellableActivity<SaveDocumentRequest, DocumentSummary>(stopping)
{
    /// <inheritdoc />
    public override Task<DocumentSummary> RunAsync(SaveDocumentRequest input, CancellationToken cancellationToken) =>
        pipeline.SaveAsync(input, cancellationToken);
}
