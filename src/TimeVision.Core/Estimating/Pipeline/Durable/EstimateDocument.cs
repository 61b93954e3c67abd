using Microsoft.DurableTask;
using TimeVision.Core.Estimating.Rendering;

namespace TimeVision.Core.Estimating.Pipeline.Durable;

/// <summary>
/// The document pipeline as one deterministic Durable Task orchestration, written once for every host:
/// inspect, then each page renders and goes to the model, at most <see cref="EstimateDocumentRequest.MaxPagesInFlight"/>
/// pages at a time, then the results fan back in and are saved. Only references cross the orchestration's boundary.
/// </summary>
public sealed class EstimateDocument : TaskOrchestrator<EstimateDocumentRequest, DocumentSummary>
{
    /// <inheritdoc />
    public override async Task<DocumentSummary> RunAsync(TaskOrchestrationContext context, EstimateDocumentRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var request = input;
        var createdAt = new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero);
        var retry = TaskOptions.FromRetryPolicy(new RetryPolicy(
            maxNumberOfAttempts: request.ActivityAttempts, firstRetryInterval: request.ActivityFirstRetry, backoffCoefficient: 2));

        context.SetCustomStatus(new PipelineProgress(PipelineStage.Inspecting, 0, 0, 0));
        var inspection = await context.CallInspectDocumentAsync(request, retry);
        var pages = inspection.Pages;
        var toRun = request.RetryPages is { } retryPages ? pages.Where(page => retryPages.Contains(page.Number)).ToList() : pages;
        var rendered = pages.Count - toRun.Count;
        var estimated = rendered;

        async Task<PageOutcome> ProcessPageAsync(PdfPageInfo page)
        {
            var image = await context.CallRenderPageAsync(new RenderPageRequest(request.DocumentId, request.Pdf, page), retry);
            rendered++;
            context.SetCustomStatus(new PipelineProgress(PipelineStage.Estimating, pages.Count, rendered, estimated));
            if (image.Image is null)
            {
                return new PageOutcome(image, null);
            }

            var result = await context.CallEstimatePageAsync(
                new EstimatePageRequest(request.DocumentId, page.Number, image.Image, request.Model, request.Force, image.Facts), retry);
            estimated++;
            context.SetCustomStatus(new PipelineProgress(PipelineStage.Estimating, pages.Count, rendered, estimated));

            // Shadow mode: the challenger estimates the same page in the same slot, so it counts against the same limit.
            var shadow = request.ShadowModel is { } challenger
                ? await context.CallEstimatePageAsync(
                    new EstimatePageRequest(request.DocumentId, page.Number, image.Image, challenger, request.Force, image.Facts), retry)
                : null;
            return new PageOutcome(image, result, shadow);
        }

        var outcomes = inspection.Error is null
            ? await BoundedFanOut.RunAsync(toRun, request.MaxPagesInFlight, ProcessPageAsync)
            : [];

        context.SetCustomStatus(new PipelineProgress(PipelineStage.Saving, pages.Count, rendered, estimated));
        var summary = await context.CallSaveDocumentEstimateAsync(new SaveDocumentRequest(request, inspection, outcomes, createdAt), retry);
        context.SetCustomStatus(new PipelineProgress(PipelineStage.Done, pages.Count, rendered, estimated));
        return summary;
    }
}
