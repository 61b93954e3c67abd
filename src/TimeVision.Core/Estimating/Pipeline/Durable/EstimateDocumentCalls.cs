using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace TimeVision.Core.Estimating.Pipeline.Durable;

/// <summary>Typed calls of <see cref="EstimateDocument"/> and its activities, by their class names.</summary>
public static class EstimateDocumentCalls
{
    /// <summary>Schedules <see cref="EstimateDocument"/>.</summary>
    /// <returns>The instance id.</returns>
    public static Task<string> ScheduleNewEstimateDocumentInstanceAsync(
        this DurableTaskClient client, EstimateDocumentRequest input, StartOrchestrationOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.ScheduleNewOrchestrationInstanceAsync(nameof(EstimateDocument), input, options, cancellationToken);
    }

    /// <summary>Calls <see cref="InspectDocument"/>.</summary>
    public static Task<InspectionOutcome> CallInspectDocumentAsync(this TaskOrchestrationContext context, EstimateDocumentRequest input, TaskOptions? options)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.CallActivityAsync<InspectionOutcome>(nameof(InspectDocument), input, options);
    }

    /// <summary>Calls <see cref="RenderPage"/>.</summary>
    public static Task<RenderedPageReference> CallRenderPageAsync(this TaskOrchestrationContext context, RenderPageRequest input, TaskOptions? options)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.CallActivityAsync<RenderedPageReference>(nameof(RenderPage), input, options);
    }

    /// <summary>Calls <see cref="EstimatePage"/>.</summary>
    public static Task<PageResultReference> CallEstimatePageAsync(this TaskOrchestrationContext context, EstimatePageRequest input, TaskOptions? options)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.CallActivityAsync<PageResultReference>(nameof(EstimatePage), input, options);
    }

    /// <summary>Calls <see cref="SaveDocumentEstimate"/>.</summary>
    public static Task<DocumentSummary> CallSaveDocumentEstimateAsync(this TaskOrchestrationContext context, SaveDocumentRequest input, TaskOptions? options)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.CallActivityAsync<DocumentSummary>(nameof(SaveDocumentEstimate), input, options);
    }
}
