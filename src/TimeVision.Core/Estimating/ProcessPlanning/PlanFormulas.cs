namespace TimeVision.Core.Estimating.ProcessPlanning;

/// <summary>
/// Every formula the engine writes on a plan's line (<see cref="PlanLine.Formula"/>), in English as the contract has it
/// (<c>src/docs/process-plan.md</c>). The page words each in Czech by its exact text (planWords.js, codes.js), and a
/// browser test checks each one here has its wording: a timer takes its formula from here, never from a literal.
/// </summary>
public static class PlanFormulas
{
    /// <summary>A drilled, reamed or bored hole.</summary>
    public const string Hole = "(depth + approach)/(f·n) per hole";

    /// <summary>A tapped hole.</summary>
    public const string Tapping = "2·L/(P·n) per hole";

    /// <summary>Face milling.</summary>
    public const string FaceMilling = "passes·paths·travel/vf; travel = length + D";

    /// <summary>A slot.</summary>
    public const string Slot = "passes·travel/vf; travel = slot length";

    /// <summary>A contour.</summary>
    public const string Contour = "passes·travel/vf; travel = contour length";

    /// <summary>A pocket.</summary>
    public const string Pocket = "passes·travel/vf; travel = area/ae + outline";

    /// <summary>Turning along a length.</summary>
    public const string Turning = "passes·(L + approach)/(f·n)";

    /// <summary>Facing.</summary>
    public const string Facing = "passes·(D1 − D2)/2/(f·n), constant n";

    /// <summary>A groove.</summary>
    public const string Grooving = "plunges·(depth + approach)/(f·n)";

    /// <summary>Parting off.</summary>
    public const string Parting = "((D − D2)/2 + approach)/(f·n)";

    /// <summary>A turned thread.</summary>
    public const string ThreadTurning = "passes·(L + approach)/(P·n)";

    /// <summary>Sawing from stock.</summary>
    public const string Sawing = "height/saw feed";

    /// <summary>A chamfer deburred.</summary>
    public const string Chamfer = "table: minutes per edge by chamfer size";

    /// <summary>The part's own deburring.</summary>
    public const string DeburringPerPart = "table: deburring per part";

    /// <summary>Every formula above.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Hole, Tapping, FaceMilling, Slot, Contour, Pocket, Turning, Facing, Grooving, Parting, ThreadTurning, Sawing, Chamfer, DeburringPerPart];
}
