using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Pipeline;

namespace TimeVision.Core.Learning.History;

/// <summary>The history estimate (<see cref="ModelKind.History"/>): the real times of the shop's most similar past parts, no model.</summary>
/// <param name="history">The history estimator.</param>
public sealed class HistoryPageEstimator(HistoryEstimator history) : IPageEstimator
{
    /// <inheritdoc />
    public ModelKind Answers => ModelKind.History;

    /// <inheritdoc />
    public string PromptHashFor(ModelId model, HistoryHoldout? holdout) => HistoryEstimator.Hash;

    /// <inheritdoc />
    public Task<PageEstimateResult> EstimateAsync(PageEstimateInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return history.EstimatePageAsync(input.Request.DocumentId, input.Facts, heldOut: null, cancellationToken);
    }
}
