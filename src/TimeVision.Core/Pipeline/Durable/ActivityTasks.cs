using Microsoft.DurableTask;

namespace TimeVision.Core.Pipeline.Durable;

/// <summary>Inspect activity: a thin shell over <see cref="DocumentPipeline.InspectAsync(EstimateDocumentRequest, CancellationToken)"/>.</summary>
/// <param name="pipeline">The pipeline steps.</param>
[DurableTask(EstimateDocumentOrchestration.InspectActivity)]
public sealed class InspectDocumentActivity(DocumentPipeline pipeline) : TaskActivity<EstimateDocumentRequest, InspectionOutcome>
{
    /// <inheritdoc />
    public override Task<InspectionOutcome> RunAsync(TaskActivityContext context, EstimateDocumentRequest input) =>
        pipeline.InspectAsync(input, CancellationToken.None);
}

/// <summary>Render activity: a thin shell over <see cref="DocumentPipeline.RenderPageAsync"/>.</summary>
/// <param name="pipeline">The pipeline steps.</param>
[DurableTask(EstimateDocumentOrchestration.RenderActivity)]
public sealed class RenderPageActivity(DocumentPipeline pipeline) : TaskActivity<RenderPageRequest, RenderedPageReference>
{
    /// <inheritdoc />
    public override Task<RenderedPageReference> RunAsync(TaskActivityContext context, RenderPageRequest input) =>
        pipeline.RenderPageAsync(input, CancellationToken.None);
}

/// <summary>Estimate activity: a thin shell over <see cref="DocumentPipeline.EstimateStoredPageAsync"/>.</summary>
/// <param name="pipeline">The pipeline steps.</param>
[DurableTask(EstimateDocumentOrchestration.EstimateActivity)]
public sealed class EstimatePageActivity(DocumentPipeline pipeline) : TaskActivity<EstimatePageRequest, PageResultReference>
{
    /// <inheritdoc />
    public override Task<PageResultReference> RunAsync(TaskActivityContext context, EstimatePageRequest input) =>
        pipeline.EstimateStoredPageAsync(input, CancellationToken.None);
}

/// <summary>Save activity: a thin shell over <see cref="DocumentPipeline.SaveAsync"/>.</summary>
/// <param name="pipeline">The pipeline steps.</param>
[DurableTask(EstimateDocumentOrchestration.SaveActivity)]
public sealed class SaveDocumentActivity(DocumentPipeline pipeline) : TaskActivity<SaveDocumentRequest, DocumentSummary>
{
    /// <inheritdoc />
    public override Task<DocumentSummary> RunAsync(TaskActivityContext context, SaveDocumentRequest input) =>
        pipeline.SaveAsync(input, CancellationToken.None);
}
