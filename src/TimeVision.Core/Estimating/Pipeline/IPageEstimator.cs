using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Facts;

namespace TimeVision.Core.Estimating.Pipeline;

/// <summary>What an estimator gets for one page.</summary>
/// <param name="Request">The page, its stored image and the model asked.</param>
/// <param name="Facts">What the page's text layer says, when it was read.</param>
/// <param name="Holdout">In an evaluation, the documents whose labels the estimate must not see.</param>
public sealed record PageEstimateInput(EstimatePageRequest Request, PageFacts? Facts, HistoryHoldout? Holdout);

/// <summary>
/// One way of estimating a page (a vision model, the offline reference tables, the shop's history), chosen by the kind
/// of <see cref="ModelId"/> it answers (<see cref="PageEstimators"/>). Expected failures come back as a result with a
/// status; only cancellation and faults throw.
/// </summary>
public interface IPageEstimator
{
    /// <summary>The kind of model id this estimator answers; one estimator per kind.</summary>
    ModelKind Answers { get; }

    /// <summary>The hash a result of <paramref name="model"/> is stored under, asked under <paramref name="holdout"/>.</summary>
    /// <param name="model">The model, of the kind <see cref="Answers"/> names.</param>
    /// <param name="holdout">In an evaluation, the held-out documents; <see langword="null"/> otherwise.</param>
    string PromptHashFor(ModelId model, HistoryHoldout? holdout);

    /// <summary>Estimates one page.</summary>
    /// <param name="input">The page and what is known of it.</param>
    /// <param name="cancellationToken">Cancels the estimate.</param>
    Task<PageEstimateResult> EstimateAsync(PageEstimateInput input, CancellationToken cancellationToken);
}
