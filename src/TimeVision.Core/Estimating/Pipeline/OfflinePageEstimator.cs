using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Offline;

namespace TimeVision.Core.Estimating.Pipeline;

/// <summary>The offline estimate (<see cref="ModelKind.Offline"/>): the page's facts through the reference tables, no model.</summary>
public sealed class OfflinePageEstimator : IPageEstimator
{
    /// <inheritdoc />
    public ModelKind Answers => ModelKind.Offline;

    /// <inheritdoc />
    public string PromptHashFor(ModelId model, HistoryHoldout? holdout) => OfflineEstimator.Hash;

    /// <inheritdoc />
    public Task<PageEstimateResult> EstimateAsync(PageEstimateInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Task.FromResult(OfflineEstimator.Estimate(input.Facts));
    }
}
