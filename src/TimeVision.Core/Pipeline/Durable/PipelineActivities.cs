using Microsoft.DurableTask;

namespace TimeVision.Core.Pipeline.Durable;

/// <summary>The orchestration, as a class-based orchestrator for hosts that register classes.</summary>
[DurableTask(EstimateDocumentOrchestration.Name)]
public sealed class EstimateDocumentOrchestrator : TaskOrchestrator<EstimateDocumentRequest, DocumentSummary>
{
    /// <inheritdoc />
    public override Task<DocumentSummary> RunAsync(TaskOrchestrationContext context, EstimateDocumentRequest input) =>
        EstimateDocumentOrchestration.RunAsync(context, input);
}

/// <summary>Inspect activity: a thin shell over <see cref="DocumentPipeline.InspectAsync"/>.</summary>
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

/// <summary>Estimate activity: a thin shell over <see cref="DocumentPipeline.EstimatePageAsync"/>.</summary>
/// <param name="pipeline">The pipeline steps.</param>
[DurableTask(EstimateDocumentOrchestration.EstimateActivity)]
public sealed class EstimatePageActivity(DocumentPipeline pipeline) : TaskActivity<EstimatePageRequest, Vision.PageEstimateResult>
{
    /// <inheritdoc />
    public override Task<Vision.PageEstimateResult> RunAsync(TaskActivityContext context, EstimatePageRequest input) =>
        pipeline.EstimatePageAsync(input, CancellationToken.None);
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
