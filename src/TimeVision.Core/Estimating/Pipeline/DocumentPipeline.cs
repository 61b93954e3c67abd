using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Estimating.Pipeline;

/// <summary>
/// The bodies of the pipeline's activities, as plain methods both hosts (CLI and Functions) call through their thin
/// activity adapters: inspect (<see cref="InspectStep"/>), render with the page's facts (<see cref="RenderPageStep"/>),
/// estimate (<see cref="EstimatePageStep"/>) and save (<see cref="DocumentAssembler"/>). Each works from references
/// (blobs, ids) and is safe to run again.
/// </summary>
/// <param name="inspect">Reads the PDF's pages.</param>
/// <param name="render">Renders a page and stores its image and facts.</param>
/// <param name="estimate">Estimates a page with the estimator its model chooses.</param>
/// <param name="assembler">Assembles and saves the document estimate.</param>
public sealed class DocumentPipeline(InspectStep inspect, RenderPageStep render, EstimatePageStep estimate, DocumentAssembler assembler)
{
    /// <summary>The inspect activity's body: <see cref="InspectAsync(string, BlobReference, CancellationToken)"/>.</summary>
    public Task<InspectionOutcome> InspectAsync(EstimateDocumentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return InspectAsync(request.DocumentId, request.Pdf, cancellationToken);
    }

    /// <summary>Reads a stored PDF's pages, or its typed bad-input error.</summary>
    public Task<InspectionOutcome> InspectAsync(string documentId, BlobReference pdfBlob, CancellationToken cancellationToken) =>
        inspect.InspectAsync(documentId, pdfBlob, cancellationToken);

    /// <summary>The render activity's body: <see cref="RenderPageStep.RenderPageAsync"/>.</summary>
    public Task<RenderedPageReference> RenderPageAsync(RenderPageRequest request, CancellationToken cancellationToken) =>
        render.RenderPageAsync(request, cancellationToken);

    /// <summary>The estimate activity's body: <see cref="EstimatePageAsync(EstimatePageRequest, CancellationToken)"/>, returning only where the result is stored.</summary>
    public async Task<PageResultReference> EstimateStoredPageAsync(EstimatePageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PageResultReference.Of(request.Page, await EstimatePageAsync(request, cancellationToken));
    }

    /// <summary>Estimates one page, or reuses its stored result (<see cref="EstimatePageStep"/>).</summary>
    public Task<PageEstimateResult> EstimatePageAsync(EstimatePageRequest request, CancellationToken cancellationToken) =>
        estimate.EstimatePageAsync(request, holdout: null, cancellationToken);

    /// <summary>Estimates one page as an evaluation does, never showing the model what <paramref name="holdout"/> holds out.</summary>
    public Task<PageEstimateResult> EstimatePageAsync(EstimatePageRequest request, HistoryHoldout? holdout, CancellationToken cancellationToken) =>
        estimate.EstimatePageAsync(request, holdout, cancellationToken);

    /// <summary>The stored result of a page for a model and its current prompt that can stand as the page's answer.</summary>
    public Task<PageEstimateResult?> StoredPageResultAsync(string documentId, int page, ModelId model, CancellationToken cancellationToken) =>
        estimate.StoredPageResultAsync(documentId, page, model, holdout: null, cancellationToken);

    /// <summary>The stored result as <see cref="StoredPageResultAsync(string, int, ModelId, CancellationToken)"/>, asked under <paramref name="holdout"/>.</summary>
    public Task<PageEstimateResult?> StoredPageResultAsync(string documentId, int page, ModelId model, HistoryHoldout? holdout, CancellationToken cancellationToken) =>
        estimate.StoredPageResultAsync(documentId, page, model, holdout, cancellationToken);

    /// <summary>The save activity's body: <see cref="DocumentAssembler.SaveAsync"/>.</summary>
    public Task<DocumentSummary> SaveAsync(SaveDocumentRequest request, CancellationToken cancellationToken) =>
        assembler.SaveAsync(request, cancellationToken);
}
