namespace TimeVision.Core.Estimating.ProcessPlanning;

/// <summary>What a work centre must hold: a diameter and a length, either unknown.</summary>
/// <param name="DiameterMm">Largest diameter (lathe swing, saw section).</param>
/// <param name="LengthMm">Longest side or length.</param>
internal sealed record CentreNeed(double? DiameterMm, double? LengthMm);

/// <summary>
/// Puts an operation on the smallest active, automatically chosen centre of its kind whose limits fit (an absent limit
/// is no limit, so the largest); ties go to the lower priority, then the id. When none fits, the largest is taken and
/// the plan says so.
/// </summary>
internal sealed class WorkCentreChooser(WorkCentreList centres, PlanContext context)
{
    /// <summary>The id a plan shows when the list has no centre of a kind.</summary>
    public const string None = "none";

    public WorkCentre? Choose(WorkCentreKind kind, CentreNeed need)
    {
        var candidates = centres.WorkCentres.Where(c => c.Kind == kind && c.Active && c.Automatic)
            .OrderBy(c => c.MaxDiameterMm ?? double.MaxValue).ThenBy(c => c.MaxLengthMm ?? double.MaxValue)
            .ThenBy(c => c.MaxTravelMm ?? double.MaxValue).ThenBy(c => c.Priority).ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
        if (candidates.Count == 0)
        {
            context.Note(DefaultReasons.NoCentre(Code(kind), None));
            return null;
        }

        if (candidates.FirstOrDefault(c => Fits(c, need)) is { } fitting)
        {
            return fitting;
        }

        var largest = candidates[^1];
        context.Note(DefaultReasons.NoCentreHolds(Code(kind), need.DiameterMm, need.LengthMm, largest.Id));
        return largest;
    }

    private static bool Fits(WorkCentre c, CentreNeed need) =>
        Within(need.DiameterMm, c.MaxDiameterMm) && Within(need.LengthMm, c.MaxLengthMm) && Within(need.LengthMm, c.MaxTravelMm);

    private static bool Within(double? size, double? limit) => size is null || limit is null || size <= limit;

    private static string Code(WorkCentreKind kind) => Json.JsonCode.Of(kind);
}
