using TimeVision.Core.Estimating.Estimates;

namespace TimeVision.Core.Learning.Training;

/// <summary>
/// The assistant answer a training example teaches: the model's estimate in the contract's shape, carrying the
/// ground truth. When the truth differs from the model's total, the breakdown is scaled to sum to it (or replaced by
/// per-operation actuals), so every answer obeys the rule its prompt states: the total equals the breakdown's sum.
/// </summary>
public static class TrainingAnswer
{
    /// <summary>Builds the answer for <paramref name="estimate"/> labelled with <paramref name="label"/>.</summary>
    public static PageEstimate Build(PageEstimate estimate, ShopFeedback label)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        ArgumentNullException.ThrowIfNull(label);
        var truth = Math.Round(label.ActualMinutes, 3);
        var breakdown = label.Operations is { Count: > 0 } actuals
            ? actuals.Select(a => new BreakdownItem(a.Operation, Math.Round(a.Minutes, 3), null)).ToList()
            : Scale(estimate.Breakdown, truth);
        var total = breakdown.Count > 0 ? Math.Round(breakdown.Sum(b => b.TimeMin), 3) : truth;

        // Envelopes are stored in millimetres; the prompt asks for them as the drawing gives them.
        var perUnit = estimate.DrawingUnits == DrawingUnits.Inches ? 1 / EstimateNormalizer.MillimetresPerInch : 1;
        return estimate with
        {
            EstimatedTimeMin = total,
            Breakdown = breakdown,
            PartType = label.PartType ?? estimate.PartType,
            Complexity = label.Complexity ?? estimate.Complexity,
            MaterialDetected = label.Material ?? estimate.MaterialDetected,
            MaxDiameterMm = InDrawingUnits(estimate.MaxDiameterMm, perUnit),
            MaxLengthMm = InDrawingUnits(estimate.MaxLengthMm, perUnit),
            MaxWidthMm = InDrawingUnits(estimate.MaxWidthMm, perUnit),
            MaxHeightMm = InDrawingUnits(estimate.MaxHeightMm, perUnit),
        };
    }

    private static List<BreakdownItem> Scale(IReadOnlyList<BreakdownItem> breakdown, double truth)
    {
        var sum = breakdown.Sum(b => b.TimeMin);
        if (breakdown.Count == 0 || sum <= 0)
        {
            return [new BreakdownItem("Celkem", truth, null)];
        }

        var scaled = breakdown.Select(b => b with { TimeMin = Math.Round(b.TimeMin * truth / sum, 3) }).ToList();
        var remainder = Math.Round(truth - scaled.Sum(b => b.TimeMin), 3);
        scaled[^1] = scaled[^1] with { TimeMin = Math.Round(scaled[^1].TimeMin + remainder, 3) };
        return scaled;
    }

    private static double? InDrawingUnits(double? millimetres, double factor) =>
        millimetres is { } value ? Math.Round(value * factor, 3) : null;
}
