using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Estimating.Pipeline.Durable;

namespace TimeVision.Functions.Durable;

/// <summary>The document pipeline's Core classes as functions, each a one-line shim under its class name.</summary>
/// <param name="inspect">The document's inspection.</param>
/// <param name="render">A page's rendering.</param>
/// <param name="estimate">A page's estimate.</param>
/// <param name="save">The document estimate's assembly and save.</param>
public sealed class EstimateDocumentFunctions(InspectDocument inspect, RenderPage render, EstimatePage estimate, SaveDocumentEstimate save)
{
    /// <summary>Runs <see cref="EstimateDocument"/>.</summary>
    [Function(nameof(EstimateDocument))]
    public static Task<DocumentSummary> EstimateDocumentAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        OrchestratorShim.RunAsync(new EstimateDocument(), context);

    /// <summary>Runs <see cref="InspectDocument"/>.</summary>
    [Function(nameof(InspectDocument))]
    public Task<InspectionOutcome> InspectDocumentAsync([ActivityTrigger] EstimateDocumentRequest input, CancellationToken cancellationToken) =>
        inspect.RunAsync(input, cancellationToken);

    /// <summary>Runs <see cref="RenderPage"/>.</summary>
    [Function(nameof(RenderPage))]
    public Task<RenderedPageReference> RenderPageAsync([ActivityTrigger] RenderPageRequest input, CancellationToken cancellationToken) =>
        render.RunAsync(input, cancellationToken);

    /// <summary>Runs <see cref="EstimatePage"/>.</summary>
    [Function(nameof(EstimatePage))]
    public Task<PageResultReference> EstimatePageAsync([ActivityTrigger] EstimatePageRequest input, CancellationToken cancellationToken) =>
        estimate.RunAsync(input, cancellationToken);

    /// <summary>Runs <see cref="SaveDocumentEstimate"/>.</summary>
    [Function(nameof(SaveDocumentEstimate))]
    public Task<DocumentSummary> SaveDocumentEstimateAsync([ActivityTrigger] SaveDocumentRequest input, CancellationToken cancellationToken) =>
        save.RunAsync(input, cancellationToken);
}
