using System.Globalization;

namespace TimeVision.Core.Estimating.Estimates;

/// <summary>
/// Applies the contract's rules a schema cannot: inch envelopes become millimetres, and a total that disagrees with its
/// breakdown by more than 1 % is replaced by the breakdown's sum (the prompt tells the model they must match).
/// </summary>
public static class EstimateNormalizer
{
    /// <summary>Millimetres per inch.</summary>
    public const double MillimetresPerInch = 25.4;

    /// <summary>The largest relative gap between total and breakdown sum that is accepted as rounding.</summary>
    public const double TotalTolerance = 0.01;

    /// <summary>Normalises an estimate read from a model's reply.</summary>
    /// <param name="estimate">The estimate as the model gave it.</param>
    /// <returns>The normalised estimate and a warning for every change.</returns>
    public static (PageEstimate Estimate, IReadOnlyList<EstimateWarning> Warnings) Normalize(PageEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        var warnings = new List<EstimateWarning>();

        if (estimate.DrawingUnits == DrawingUnits.Inches)
        {
            estimate = estimate with
            {
                MaxDiameterMm = ToMillimetres(estimate.MaxDiameterMm),
                MaxLengthMm = ToMillimetres(estimate.MaxLengthMm),
                MaxWidthMm = ToMillimetres(estimate.MaxWidthMm),
                MaxHeightMm = ToMillimetres(estimate.MaxHeightMm),
            };
            warnings.Add(new EstimateWarning(
                EstimateWarning.InchConverted, "The drawing is dimensioned in inches; the envelope was converted to millimetres."));
        }

        if (estimate.Breakdown.Count == 0)
        {
            warnings.Add(new EstimateWarning(
                EstimateWarning.NoBreakdown, "The estimate has no breakdown, so its total could not be checked."));
            return (estimate, warnings);
        }

        var sum = Math.Round(estimate.Breakdown.Sum(item => item.TimeMin), 3);
        var gap = Math.Abs(estimate.EstimatedTimeMin - sum);
        if (gap > TotalTolerance * Math.Max(Math.Abs(sum), Math.Abs(estimate.EstimatedTimeMin)))
        {
            warnings.Add(new EstimateWarning(
                EstimateWarning.TotalDiffersFromBreakdown,
                string.Create(CultureInfo.InvariantCulture, $"The total {estimate.EstimatedTimeMin:0.###} min differed from the breakdown's sum {sum:0.###} min by more than 1 %; the sum was taken."))
            {
                Params = Json.MessageParams.Of(("totalMin", Math.Round(estimate.EstimatedTimeMin, 3)), ("sumMin", sum)),
            });
            estimate = estimate with { EstimatedTimeMin = sum };
        }

        return (estimate, warnings);
    }

    private static double? ToMillimetres(double? inches) =>
        inches is { } value ? Math.Round(value * MillimetresPerInch, 2) : null;
}
