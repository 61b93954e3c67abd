using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Learning.History;

namespace TimeVision.Core.Estimating.Vision;

/// <summary>Asks a vision model for one page's machining-time estimate.</summary>
public interface IVisionEstimator
{
    /// <summary>
    /// Estimates one rendered page. Expected failures (refusals, invalid replies, rate limits after retries, timeouts)
    /// come back as a result with status <see cref="PageEstimateStatus.Blocked"/> or <see cref="PageEstimateStatus.Failed"/>;
    /// only cancellation and configuration faults throw.
    /// </summary>
    /// <param name="pagePng">The rendered page; it is downscaled to what the model can use.</param>
    /// <param name="model">The model to ask; <see langword="null"/> for the configured one.</param>
    /// <param name="facts">What the page's text layer says: grounds the prompt (when configured) and checks the answer.</param>
    /// <param name="cancellationToken">Cancels the estimate.</param>
    Task<PageEstimateResult> EstimatePageAsync(BinaryData pagePng, string? model, PageFacts? facts, CancellationToken cancellationToken);

    /// <summary>
    /// Estimates one rendered page as <see cref="EstimatePageAsync(BinaryData, string?, PageFacts?, CancellationToken)"/>,
    /// with the shop's similar past parts in the prompt when its set carries a history section.
    /// </summary>
    /// <param name="pagePng">The rendered page.</param>
    /// <param name="model">The model to ask; <see langword="null"/> for the configured one.</param>
    /// <param name="facts">What the page's text layer says.</param>
    /// <param name="examples">Similar past parts with their real times (<see cref="HistoryExamples"/>).</param>
    /// <param name="cancellationToken">Cancels the estimate.</param>
    Task<PageEstimateResult> EstimatePageAsync(
        BinaryData pagePng, string? model, PageFacts? facts, IReadOnlyList<HistoryExample>? examples, CancellationToken cancellationToken);
}
