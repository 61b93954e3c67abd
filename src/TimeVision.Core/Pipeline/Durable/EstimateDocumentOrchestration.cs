using Microsoft.DurableTask;

namespace TimeVision.Core.Pipeline.Durable;

/// <summary>
/// The document pipeline as one deterministic Durable Task orchestration, written once for every host:
/// inspect, then each page renders and goes to the model, at most <see cref="EstimateDocumentRequest.MaxPagesInFlight"/>
/// pages at a time, then the results fan back in and are saved. Only references cross the orchestration's boundary.
/// </summary>
public static class EstimateDocumentOrchestration
{
    /// <summary>The orchestrator's registered name.</summary>
    public const string Name = "EstimateDocument";

    /// <summary>The inspect activity's name.</summary>
    public const string InspectActivity = "InspectDocument";

    /// <summary>The render activity's name.</summary>
    public const string RenderActivity = "RenderPage";

    /// <summary>The estimate activity's name.</summary>
    public const string EstimateActivity = "EstimatePage";

    /// <summary>The save activity's name.</summary>
    public const string SaveActivity = "SaveDocumentEstimate";

    /// <summary>Runs the orchestration.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <param name="request">The document to estimate.</param>
    public static async Task<DocumentSummary> RunAsync(TaskOrchestrationContext context, EstimateDocumentRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var createdAt = new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero);
        var retry = TaskOptions.FromRetryPolicy(new RetryPolicy(
            maxNumberOfAttempts: request.ActivityAttempts, firstRetryInterval: request.ActivityFirstRetry, backoffCoefficient: 2));

        context.SetCustomStatus(new PipelineProgress(PipelineStage.Inspecting, 0, 0, 0));
        var inspection = await context.CallActivityAsync<InspectionOutcome>(InspectActivity, request, retry);
        var pages = inspection.Pages;
        var toRun = request.RetryPages is { } retryPages ? pages.Where(page => retryPages.Contains(page.Number)).ToList() : pages;
        var rendered = pages.Count - toRun.Count;
        var estimated = rendered;

        async Task<PageOutcome> ProcessPageAsync(Rendering.PdfPageInfo page)
        {
            var image = await context.CallActivityAsync<RenderedPageReference>(
                RenderActivity, new RenderPageRequest(request.DocumentId, request.Pdf, page), retry);
            rendered++;
            context.SetCustomStatus(new PipelineProgress(PipelineStage.Estimating, pages.Count, rendered, estimated));
            if (image.Image is null)
            {
                return new PageOutcome(image, null);
            }

            var result = await context.CallActivityAsync<PageResultReference>(
                EstimateActivity, new EstimatePageRequest(request.DocumentId, page.Number, image.Image, request.Model, request.Force, image.Facts), retry);
            estimated++;
            context.SetCustomStatus(new PipelineProgress(PipelineStage.Estimating, pages.Count, rendered, estimated));

            // Shadow mode: the challenger estimates the same page in the same slot, so it counts against the same limit.
            var shadow = request.ShadowModel is { } challenger
                ? await context.CallActivityAsync<PageResultReference>(
                    EstimateActivity, new EstimatePageRequest(request.DocumentId, page.Number, image.Image, challenger, request.Force, image.Facts), retry)
                : null;
            return new PageOutcome(image, result, shadow);
        }

        var outcomes = inspection.Error is null
            ? await BoundedFanOut.RunAsync(toRun, request.MaxPagesInFlight, ProcessPageAsync)
            : [];

        context.SetCustomStatus(new PipelineProgress(PipelineStage.Saving, pages.Count, rendered, estimated));
        var summary = await context.CallActivityAsync<DocumentSummary>(
            SaveActivity, new SaveDocumentRequest(request, inspection, outcomes, createdAt), retry);
        context.SetCustomStatus(new PipelineProgress(PipelineStage.Done, pages.Count, rendered, estimated));
        return summary;
    }
}
