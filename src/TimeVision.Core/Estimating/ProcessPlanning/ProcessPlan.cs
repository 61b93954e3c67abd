using System.Text.Json.Serialization;

namespace TimeVision.Core.Estimating.ProcessPlanning;

/// <summary>What an operation of the routing does.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OperationKind>))]
public enum OperationKind
{
    /// <summary>Cutting the blank from stock.</summary>
    [JsonStringEnumMemberName("sawing")]
    Sawing,

    /// <summary>Turning, facing, grooving, parting, thread turning.</summary>
    [JsonStringEnumMemberName("turning")]
    Turning,

    /// <summary>Face, slot, contour and pocket milling.</summary>
    [JsonStringEnumMemberName("milling")]
    Milling,

    /// <summary>Drilling, reaming, boring and tapping.</summary>
    [JsonStringEnumMemberName("drilling")]
    Drilling,

    /// <summary>Chamfers and deburring.</summary>
    [JsonStringEnumMemberName("deburring")]
    Deburring,

    /// <summary>Inspection.</summary>
    [JsonStringEnumMemberName("inspection")]
    Inspection,
}

/// <summary>One feature's time in an operation, with the formula and the inputs it used.</summary>
/// <param name="FeatureId">The feature.</param>
/// <param name="Type">Its type.</param>
/// <param name="Count">How many alike; <paramref name="CuttingMin"/> is for all of them.</param>
/// <param name="CuttingMin">Cutting minutes per piece, for all <paramref name="Count"/>.</param>
/// <param name="Formula">The formula, e.g. <c>passes·paths·travel/vf</c>.</param>
/// <param name="Inputs">Its inputs by name (n, vf, travel, passes, …).</param>
public sealed record PlanLine(string FeatureId, FeatureType Type, int Count, double CuttingMin, string Formula, IReadOnlyDictionary<string, double> Inputs)
{
    /// <summary>The shop's factor on this line's minutes (a tapping line's is tapping's, else its operation's cycle factor), when the plan is calibrated.</summary>
    public double? Factor { get; init; }
}

/// <summary>One operation of the routing on one work centre.</summary>
public sealed record PlannedOperation
{
    /// <summary>10, 20, 30, … in routing order.</summary>
    public required int Sequence { get; init; }

    /// <summary>The work centre's id.</summary>
    public required string WorkCentre { get; init; }

    /// <summary>What the operation does.</summary>
    public required OperationKind Kind { get; init; }

    /// <summary>The clamping it belongs to (operations of one clamping share its setup and load/unload).</summary>
    public required int Clamping { get; init; }

    /// <summary>Setup minutes per batch.</summary>
    public required double SetupMin { get; init; }

    /// <summary>Minutes per piece: cutting plus non-cutting.</summary>
    public required double CycleMin { get; init; }

    /// <summary>Cutting minutes per piece.</summary>
    public required double CuttingMin { get; init; }

    /// <summary>Tool changes, rapids and load/unload, minutes per piece.</summary>
    public required double NonCuttingMin { get; init; }

    /// <summary>Distinct tools.</summary>
    public required int Tools { get; init; }

    /// <summary>The features' lines.</summary>
    public required IReadOnlyList<PlanLine> Lines { get; init; }

    /// <summary>The shop's factor on the setup, when the plan is calibrated.</summary>
    public double? SetupFactor { get; init; }

    /// <summary>The shop's factor on the minutes per piece other than tapping lines (those carry their own), when the plan is calibrated.</summary>
    public double? CycleFactor { get; init; }

    /// <summary>Setup minutes per batch with the shop's factor, when the plan is calibrated.</summary>
    public double? CalibratedSetupMin { get; init; }

    /// <summary>Minutes per piece with the shop's factors, when the plan is calibrated.</summary>
    public double? CalibratedCycleMin { get; init; }
}

/// <summary>A part's process plan: the routing, setup and per-piece minutes, the cutting-data version and every default taken. Batch minutes for q pieces = setupMin + q × cycleMin.</summary>
public sealed record ProcessPlan
{
    /// <summary>The routing.</summary>
    public required IReadOnlyList<PlannedOperation> Operations { get; init; }

    /// <summary>Setup minutes per batch, all operations.</summary>
    public required double SetupMin { get; init; }

    /// <summary>Minutes per piece, all operations.</summary>
    public required double CycleMin { get; init; }

    /// <summary>Cutting minutes per piece, all operations.</summary>
    public required double CuttingMin { get; init; }

    /// <summary>The cutting data's version.</summary>
    public required string CuttingDataVersion { get; init; }

    /// <summary>Every default the engine took, as <c>where: value (why)</c>.</summary>
    public required IReadOnlyList<string> DefaultsUsed { get; init; }

    /// <summary>The calibration whose factors the plan shows (<see cref="OperationFactors.Calibration"/>); <see langword="null"/> when it shows none.</summary>
    public string? Calibration { get; init; }

    /// <summary>Setup minutes per batch with the shop's factors, when the plan is calibrated.</summary>
    public double? CalibratedSetupMin { get; init; }

    /// <summary>Minutes per piece with the shop's factors, when the plan is calibrated.</summary>
    public double? CalibratedCycleMin { get; init; }

    /// <summary>Minutes for a batch of <paramref name="quantity"/> pieces.</summary>
    public double BatchMin(int quantity) => SetupMin + (quantity * CycleMin);

    /// <summary>Minutes for a batch of <paramref name="quantity"/> pieces with the shop's factors, when the plan is calibrated.</summary>
    public double? CalibratedBatchMin(int quantity) => CalibratedSetupMin + (quantity * CalibratedCycleMin);
}
