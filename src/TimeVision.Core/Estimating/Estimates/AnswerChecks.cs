using System.Globalization;
using TimeVision.Core.Estimating.Facts;

namespace TimeVision.Core.Estimating.Estimates;

/// <summary>
/// Compares a model's answer with what the drawing's text layer says exactly (disagreements become warnings on the page
/// result), and its total with the process plan's minutes (a warning on the estimate's headline).
/// </summary>
public static class AnswerChecks
{
    /// <summary>The answer's material differs from the title block's.</summary>
    public const string MaterialMismatch = "material_differs_from_title_block";

    /// <summary>An inch drawing whose answer looks like its inch numbers taken as millimetres.</summary>
    public const string UnconvertedInches = "inch_drawing_answer_looks_unconverted";

    /// <summary>A turned part (<c>ROT</c>) on a drawing with no diameter.</summary>
    public const string TurnedWithoutDiameters = "rot_without_diameters";

    /// <summary>The answer's drawing number differs from the title block's.</summary>
    public const string DrawingNumberMismatch = "drawing_number_differs";

    /// <summary>
    /// The model's total and the process plan's minutes per piece are <see cref="FarFromPlanRatio"/> times apart or
    /// more, either way: one of them misread the part.
    /// </summary>
    public const string ModelFarFromPlan = "model_total_far_from_plan";

    /// <summary>How many times apart the model's total and the plan's minutes per piece may be before <see cref="ModelFarFromPlan"/>.</summary>
    public const double FarFromPlanRatio = 3;

    /// <summary>The warnings for one answer; none when the page has no text layer.</summary>
    public static IReadOnlyList<EstimateWarning> Check(PageEstimate estimate, PageFacts? facts)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        var warnings = new List<EstimateWarning>();
        if (facts is not { HasText: true })
        {
            return warnings;
        }

        var title = facts.TitleBlock;
        if (title.Material is { } material && title.MaterialGroup is { } group)
        {
            var answered = MaterialCatalog.GroupOf(estimate.MaterialDetected);
            if (estimate.MaterialDetected is null || (answered is not null && answered != group))
            {
                warnings.Add(new EstimateWarning(MaterialMismatch,
                    $"The title block says '{material.Value}' ({group}); the answer says '{estimate.MaterialDetected ?? "nothing"}'."));
            }
        }

        if (title.Units is { Value: "inch" } && estimate.DrawingUnits != DrawingUnits.Inches)
        {
            var largestNumber = facts.Features.Dimensions.DefaultIfEmpty(0).Max();
            var largestAnswer = new[] { estimate.MaxDiameterMm, estimate.MaxLengthMm, estimate.MaxWidthMm, estimate.MaxHeightMm }.Max() ?? 0;
            if (largestNumber > 0 && largestAnswer <= largestNumber * 2)
            {
                warnings.Add(new EstimateWarning(UnconvertedInches,
                    $"The drawing is in inches (largest number {largestNumber}), but the answer's largest size is {largestAnswer} mm in millimetre units: the inches look unconverted."));
            }
        }

        if (estimate.PartType == PartType.Rot && facts.Features.Diameters.Count == 0)
        {
            warnings.Add(new EstimateWarning(TurnedWithoutDiameters, "The answer says ROT (turned), but the drawing's lettering has no diameter."));
        }

        if (title.DrawingNumber is { } number && estimate.DrawingNumber is { } answeredNumber
            && !string.Equals(Normalize(number.Value), Normalize(answeredNumber), StringComparison.OrdinalIgnoreCase))
        {
            warnings.Add(new EstimateWarning(DrawingNumberMismatch, $"The title block's drawing number is '{number.Value}'; the answer says '{answeredNumber}'."));
        }

        return warnings;
    }

    /// <summary>
    /// Compares the model's total with the process plan's minutes per piece: <see cref="ModelFarFromPlan"/> when one is
    /// <see cref="FarFromPlanRatio"/> times the other or more; none when either is not above zero.
    /// </summary>
    /// <param name="modelTotalMin">The model's total minutes.</param>
    /// <param name="planCycleMin">The plan's minutes per piece.</param>
    public static IReadOnlyList<EstimateWarning> CompareWithPlan(double modelTotalMin, double planCycleMin)
    {
        if (modelTotalMin <= 0 || planCycleMin <= 0)
        {
            return [];
        }

        var ratio = Math.Max(modelTotalMin / planCycleMin, planCycleMin / modelTotalMin);
        if (ratio < FarFromPlanRatio)
        {
            return [];
        }

        var message = modelTotalMin > planCycleMin
            ? string.Create(CultureInfo.InvariantCulture, $"The model's total ({modelTotalMin:0.##} min) is {ratio:0.#}× the process plan's minutes per piece ({planCycleMin:0.##} min)")
            : string.Create(CultureInfo.InvariantCulture, $"The process plan's minutes per piece ({planCycleMin:0.##} min) are {ratio:0.#}× the model's total ({modelTotalMin:0.##} min)");
        return [new EstimateWarning(ModelFarFromPlan, message + ": check the part's features and the model's answer.")];
    }

    private static string Normalize(string value) => new([.. value.Where(char.IsLetterOrDigit)]);
}
