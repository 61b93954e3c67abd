using TimeVision.Core.Estimating.Estimates;

namespace TimeVision.Core.Learning.Feedback;

/// <summary>Which feedback counts as the label, shared by the training export and the evaluation.</summary>
public static class FeedbackLabels
{
    /// <summary>
    /// The sources a <c>--source</c> / <c>source=</c> value names: <c>actual</c> (also the default), <c>expert</c> or
    /// <c>both</c>; <see langword="null"/> for anything else.
    /// </summary>
    public static HashSet<FeedbackSource>? ParseSources(string? value) => value switch
    {
        null or "" or "actual" => [FeedbackSource.Actual],
        "expert" => [FeedbackSource.Expert],
        "both" => [FeedbackSource.Actual, FeedbackSource.Expert],
        _ => null,
    };

    /// <summary>
    /// The label per part (and one for the whole document, <see cref="ShopFeedback.Part"/> null): of the wanted
    /// sources and entered at or after <paramref name="since"/>, measured before expert, then the latest. Ordered by part,
    /// the whole document first.
    /// </summary>
    public static IEnumerable<ShopFeedback> Choose(IEnumerable<ShopFeedback>? feedback, IReadOnlySet<FeedbackSource> sources, DateTimeOffset? since = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return (feedback ?? [])
            .Where(f => sources.Contains(f.Source) && (since is null || f.EnteredAt >= since))
            .GroupBy(f => f.Part)
            .Select(group => group
                .OrderBy(f => f.Source == FeedbackSource.Actual ? 0 : 1)
                .ThenByDescending(f => f.EnteredAt)
                .First())
            .OrderBy(f => f.Part ?? 0);
    }
}
