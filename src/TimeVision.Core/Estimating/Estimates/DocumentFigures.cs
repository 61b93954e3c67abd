using System.Text.Json.Serialization;

namespace TimeVision.Core.Estimating.Estimates;

/// <summary>Where a document's current figure comes from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FigureSource>))]
public enum FigureSource
{
    /// <summary>The estimator's adjustment (<c>expert</c> feedback).</summary>
    [JsonStringEnumMemberName("adjustment")]
    Adjustment,

    /// <summary>
    /// The estimate corrected by its method's calibration: the model's calibration of its total, or the engine's
    /// factors on the plan's minutes per piece.
    /// </summary>
    [JsonStringEnumMemberName("calibrated")]
    Calibrated,

    /// <summary>The estimate itself: the engine's or the model's number, as the estimate's headline says.</summary>
    [JsonStringEnumMemberName("estimate")]
    Estimate,
}

/// <summary>
/// A document's figures, the one rule every reader shows (the page's headline, the list's minutes): the
/// <see cref="Current"/> figure is the estimator's adjustment when there is one, else the calibrated estimate, else the
/// estimate, whose method (the engine's minutes per piece or the model's total) the stored headline decides
/// (<see cref="DocumentEstimate.Headline"/>); the others stand beside it.
/// </summary>
/// <param name="Current">The figure to show first; <see langword="null"/> when there is none at all.</param>
/// <param name="Source">Where <paramref name="Current"/> comes from.</param>
/// <param name="Method">Whose number <paramref name="Estimate"/> and <paramref name="Calibrated"/> are: the engine's or the model's.</param>
/// <param name="Estimate">The estimate's minutes: the engine's per piece, or the model's total.</param>
/// <param name="Calibrated">
/// <paramref name="Estimate"/> calibrated: the model's calibrated time (when every part has one), or the plan's minutes
/// per piece with the shop's factors (when the plan was made with them).
/// </param>
/// <param name="Adjustment">The estimator's adjusted minutes, when any part was adjusted.</param>
/// <param name="Actual">The latest real shop time for the whole document, when one was entered.</param>
public sealed record DocumentFigures(
    double? Current, FigureSource Source, HeadlineMethod Method, double? Estimate, double? Calibrated, double? Adjustment, double? Actual)
{
    /// <summary>
    /// The figures of <paramref name="document"/>. The estimate is its headline's number (an estimate stored before
    /// headlines were chosen reads as the model's). The adjustment is the latest <c>expert</c> entry for the whole
    /// document; once a part is adjusted after it, each part's latest adjustment, the other parts as the model estimated
    /// them (calibrated where they have a calibrated time): the engine plans the document as one part.
    /// </summary>
    /// <param name="document">The stored document.</param>
    public static DocumentFigures Of(DocumentEstimate document)
    {
        ArgumentNullException.ThrowIfNull(document);

        var headline = document.Headline;
        var method = headline?.Method ?? HeadlineMethod.Model;
        var estimate = headline?.Minutes ?? document.TotalEstimatedMinutes;
        var calibrated = method == HeadlineMethod.Engine ? document.Plan?.Routing?.CalibratedCycleMin : document.CalibratedTimeMin;
        var feedback = document.Feedback ?? [];
        var adjustment = Adjusted(document, feedback.Where(f => f.Source == FeedbackSource.Expert).ToList());
        var actual = feedback.LastOrDefault(f => f.Source == FeedbackSource.Actual && f.Part is null)?.ActualMinutes;
        var (current, source) = adjustment is { } adjusted ? (adjusted, FigureSource.Adjustment)
            : calibrated is { } calibratedMinutes ? (calibratedMinutes, FigureSource.Calibrated)
            : (estimate, FigureSource.Estimate);
        return new DocumentFigures(Round(current), source, method, Round(estimate), Round(calibrated), Round(adjustment), actual);
    }

    private static double? Adjusted(DocumentEstimate document, List<ShopFeedback> adjustments)
    {
        var latestWhole = adjustments.FindLastIndex(f => f.Part is null);
        var byPart = adjustments.Skip(latestWhole + 1).Where(f => f.Part is { } part && part >= 1 && part <= document.Parts.Count).ToList();
        if (byPart.Count == 0)
        {
            return latestWhole >= 0 ? adjustments[latestWhole].ActualMinutes : null;
        }

        return document.Parts.Select((part, index) =>
            byPart.LastOrDefault(f => f.Part == index + 1)?.ActualMinutes ?? part.CalibratedTimeMin ?? part.EstimatedMinutes).Sum();
    }

    private static double? Round(double? minutes) => minutes is { } value ? Math.Round(value, 3) : null;
}
