using Microsoft.Extensions.Logging;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;

namespace TimeVision.Core.Estimating.Pipeline;

/// <summary>
/// Estimates one page with the estimator its model id chooses (<see cref="PageEstimators"/>), unless a reusable result
/// for this document, page, model and prompt is already stored (then that result stands and nothing is asked). Every
/// new result is stored at once; a retryable failure (<see cref="PageEstimateResult.Retryable"/>: an outage, a wrong key,
/// an unknown model, a rejected parameter) is stored for the document but never reused, so the page is asked again next time.
/// </summary>
/// <param name="estimators">Chooses the estimator.</param>
/// <param name="facts">The page's stored facts.</param>
/// <param name="estimates">Where page results are stored.</param>
/// <param name="logger">Says when a stored result is reused.</param>
public sealed class EstimatePageStep(PageEstimators estimators, StoredPageFacts facts, IEstimateStore estimates, ILogger<EstimatePageStep> logger)
{
    /// <summary>
    /// Estimates a page; when the model's prompt shows similar past parts, none comes from a document
    /// <paramref name="holdout"/> holds out (an evaluation's validation side), and the answer is stored under a hash of
    /// its own.
    /// </summary>
    public async Task<PageEstimateResult> EstimatePageAsync(EstimatePageRequest request, HistoryHoldout? holdout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Force && await StoredPageResultAsync(request.DocumentId, request.Page, request.Model, holdout, cancellationToken) is { } stored)
        {
            Log.PageResultReused(logger, request.Page);
            return stored;
        }

        var pageFacts = await facts.LoadAsync(request.Facts, cancellationToken);
        var result = await estimators.For(request.Model).EstimateAsync(new PageEstimateInput(request, pageFacts, holdout), cancellationToken);
        await estimates.SavePageResultAsync(request.DocumentId, request.Page, result, cancellationToken);
        return result;
    }

    /// <summary>The hash page results of <paramref name="model"/> are stored under: its prompt's, or the offline or history estimator's.</summary>
    public string PromptHashFor(ModelId model) => estimators.For(model).PromptHashFor(model, holdout: null);

    /// <summary>
    /// The stored result of a page for a model and its current prompt, asked under <paramref name="holdout"/>, that can
    /// stand as the page's answer (asking again would cost nothing new); a retryable failure never does.
    /// </summary>
    public async Task<PageEstimateResult?> StoredPageResultAsync(string documentId, int page, ModelId model, HistoryHoldout? holdout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var hash = estimators.For(model).PromptHashFor(model, holdout);
        return await estimates.GetPageResultAsync(documentId, page, model.Value, hash, cancellationToken) is { Retryable: false } stored ? stored : null;
    }
}
