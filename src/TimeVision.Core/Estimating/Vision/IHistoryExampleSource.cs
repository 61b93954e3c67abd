using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Facts;

namespace TimeVision.Core.Estimating.Vision;

/// <summary>
/// Finds the similar past parts a prompt shows beside the page (<see cref="VisionOptions.HistoryExamples"/>). The
/// shop's history provides it; without a history there are none (<see cref="NoHistoryExamples"/>).
/// </summary>
public interface IHistoryExampleSource
{
    /// <summary>
    /// The <paramref name="k"/> past parts most similar to the page, never from <paramref name="documentId"/> itself nor
    /// from a document <paramref name="holdout"/> holds out; none for a page without a text layer.
    /// </summary>
    /// <param name="documentId">The document the page belongs to.</param>
    /// <param name="facts">The page's text-layer facts.</param>
    /// <param name="k">How many examples at most.</param>
    /// <param name="images">Whether the examples carry their sheet's image.</param>
    /// <param name="holdout">In an evaluation, the documents whose labels may not be shown.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    Task<IReadOnlyList<HistoryExample>> ForPageAsync(
        string documentId, PageFacts? facts, int k, bool images, HistoryHoldout? holdout, CancellationToken cancellationToken);
}

/// <summary>No similar past parts: what a host without the shop's history shows.</summary>
public sealed class NoHistoryExamples : IHistoryExampleSource
{
    /// <inheritdoc />
    public Task<IReadOnlyList<HistoryExample>> ForPageAsync(
        string documentId, PageFacts? facts, int k, bool images, HistoryHoldout? holdout, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<HistoryExample>>([]);
}
