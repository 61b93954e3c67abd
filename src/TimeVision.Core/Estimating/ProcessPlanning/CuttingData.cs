namespace TimeVision.Core.Estimating.ProcessPlanning;

/// <summary>The cutting values of one operation in one material group; absent values come from the group's fallback group.</summary>
public sealed record OperationCutting
{
    /// <summary>Cutting speed Vc, m/min.</summary>
    public double? VcMPerMin { get; init; }

    /// <summary>Feed per revolution, mm.</summary>
    public double? FMmPerRev { get; init; }

    /// <summary>Feed per tooth, mm (milling).</summary>
    public double? FzMm { get; init; }

    /// <summary>Depth of cut per pass, mm.</summary>
    public double? ApMm { get; init; }

    /// <summary>Band-saw feed through the section, mm/min.</summary>
    public double? SawFeedMmPerMin { get; init; }

    /// <summary>Where the values come from.</summary>
    public string? Source { get; init; }
}

/// <summary>The operations a material group has cutting values for.</summary>
public sealed record OperationCuttingSet
{
    /// <summary>Rough longitudinal turning and facing.</summary>
    public OperationCutting? Turning { get; init; }

    /// <summary>Boring.</summary>
    public OperationCutting? Boring { get; init; }

    /// <summary>Drilling.</summary>
    public OperationCutting? Drilling { get; init; }

    /// <summary>Reaming.</summary>
    public OperationCutting? Reaming { get; init; }

    /// <summary>Tapping.</summary>
    public OperationCutting? Tapping { get; init; }

    /// <summary>Thread turning.</summary>
    public OperationCutting? ThreadTurning { get; init; }

    /// <summary>Grooving.</summary>
    public OperationCutting? Grooving { get; init; }

    /// <summary>Parting.</summary>
    public OperationCutting? Parting { get; init; }

    /// <summary>Milling (face, slot, contour, pocket).</summary>
    public OperationCutting? Milling { get; init; }

    /// <summary>Sawing.</summary>
    public OperationCutting? Sawing { get; init; }
}

/// <summary>One material group's cutting data.</summary>
public sealed record MaterialCutting
{
    /// <summary>The group code (<c>steel</c>, <c>aluminium</c>, …).</summary>
    public required string Group { get; init; }

    /// <summary>ISO 513 group: P, M, K, N, S or H.</summary>
    public string? Iso { get; init; }

    /// <summary>Why the group has that ISO letter.</summary>
    public string? IsoSource { get; init; }

    /// <summary>The shop's 8-digit material-group code, where it has one.</summary>
    public string? ShopGroupCode { get; init; }

    /// <summary>Typical hardness, HB (for the documentation and the hardness order).</summary>
    public int? HardnessHb { get; init; }

    /// <summary>The group whose values stand in where this one has none (named in the plan's defaults).</summary>
    public string? FallbackGroup { get; init; }

    /// <summary>Per operation.</summary>
    public OperationCuttingSet Operations { get; init; } = new();
}

/// <summary>Tool rules: default tool diameters by feature size, teeth, ap and ae by tool diameter.</summary>
public sealed record ToolRules
{
    /// <summary>End-mill diameters the shop stocks, ascending.</summary>
    public IReadOnlyList<double> EndMillDiametersMm { get; init; } = [];

    /// <summary>End-mill teeth.</summary>
    public int EndMillTeeth { get; init; }

    /// <summary>Face-mill diameters, ascending.</summary>
    public IReadOnlyList<double> FaceMillDiametersMm { get; init; } = [];

    /// <summary>Face-mill teeth.</summary>
    public int FaceMillTeeth { get; init; }

    /// <summary>A face mill at least this many times the width.</summary>
    public double FaceMillWidthFactor { get; init; }

    /// <summary>Contour-milling tool diameter.</summary>
    public double ContourToolDiameterMm { get; init; }

    /// <summary>A pocket tool at most this share of the pocket's width.</summary>
    public double PocketToolWidthFactor { get; init; }

    /// <summary>Pocket stepover ae as a share of the tool diameter.</summary>
    public double PocketStepoverFactor { get; init; }

    /// <summary>Face-milling path width as a share of the tool diameter.</summary>
    public double FaceStepoverFactor { get; init; }

    /// <summary>End-mill ap at most this many tool diameters.</summary>
    public double EndMillApMaxFactor { get; init; }

    /// <summary>Grooving insert width.</summary>
    public double GrooveInsertWidthMm { get; init; }

    /// <summary>Passes per thread turned.</summary>
    public int ThreadTurningPasses { get; init; }

    /// <summary>Where the rules come from.</summary>
    public string? Source { get; init; }
}

/// <summary>Values taken when a feature leaves them out.</summary>
public sealed record FeatureDefaults
{
    /// <summary>Hole diameter.</summary>
    public double HoleDiameterMm { get; init; }

    /// <summary>Hole depth as a multiple of its diameter.</summary>
    public double HoleDepthFactor { get; init; }

    /// <summary>Thread length as a multiple of its diameter.</summary>
    public double ThreadLengthFactor { get; init; }

    /// <summary>Pitch when neither written nor in the coarse series.</summary>
    public double PitchMm { get; init; }

    /// <summary>Milling length without a length or stock.</summary>
    public double MillingLengthMm { get; init; }

    /// <summary>Milling width without a width or stock.</summary>
    public double MillingWidthMm { get; init; }

    /// <summary>Milling depth.</summary>
    public double MillingDepthMm { get; init; }

    /// <summary>Turned length as a multiple of the diameter.</summary>
    public double TurningLengthFactor { get; init; }

    /// <summary>Groove depth.</summary>
    public double GrooveDepthMm { get; init; }

    /// <summary>Turning approach.</summary>
    public double ApproachMm { get; init; }

    /// <summary>Hole clearance (approach) above the surface.</summary>
    public double HoleClearanceMm { get; init; }

    /// <summary>Drill point length as a multiple of the diameter, added for through holes.</summary>
    public double PointLengthFactor { get; init; }

    /// <summary>Rapid moves per feature occurrence (position and retract).</summary>
    public double RapidDistanceMm { get; init; }

    /// <summary>Where they come from.</summary>
    public string? Source { get; init; }
}

/// <summary>A row of the chamfer table.</summary>
/// <param name="MaxSizeMm">Chamfers up to this size (null: any size).</param>
/// <param name="MinPerEdge">Minutes per chamfered edge.</param>
public sealed record ChamferRow(double? MaxSizeMm, double MinPerEdge);

/// <summary>Chamfers and deburring.</summary>
public sealed record DeburringTable
{
    /// <summary>By chamfer size, ascending.</summary>
    public IReadOnlyList<ChamferRow> Chamfers { get; init; } = [];

    /// <summary>Deburring per part.</summary>
    public double DeburrPerPartMin { get; init; }

    /// <summary>Where they come from.</summary>
    public string? Source { get; init; }
}

/// <summary>A row of the inspection setup table.</summary>
/// <param name="MaxFeatures">Parts with up to this many features (null: any).</param>
/// <param name="SetupMin">Inspection setup, minutes.</param>
public sealed record InspectionRow(int? MaxFeatures, double SetupMin);

/// <summary>Inspection times.</summary>
public sealed record InspectionTable
{
    /// <summary>Setup by part size, ascending.</summary>
    public IReadOnlyList<InspectionRow> SetupBySize { get; init; } = [];

    /// <summary>Minutes per piece.</summary>
    public double MinPerPiece { get; init; }

    /// <summary>Where they come from.</summary>
    public string? Source { get; init; }
}

/// <summary>The versioned cutting data a plan is computed from: the defaults with a shop's overrides merged over them.</summary>
public sealed record CuttingDataTable
{
    /// <summary>The version every plan records (<c>defaults+override</c> when a shop overrides).</summary>
    public required string Version { get; init; }

    /// <summary>The sources the rows cite, by key.</summary>
    public IReadOnlyDictionary<string, string> Sources { get; init; } = new Dictionary<string, string>();

    /// <summary>Per material group.</summary>
    public IReadOnlyList<MaterialCutting> Groups { get; init; } = [];

    /// <summary>Tool rules.</summary>
    public ToolRules Tools { get; init; } = new();

    /// <summary>Feature defaults.</summary>
    public FeatureDefaults Defaults { get; init; } = new();

    /// <summary>Chamfers and deburring.</summary>
    public DeburringTable Deburring { get; init; } = new();

    /// <summary>Inspection.</summary>
    public InspectionTable Inspection { get; init; } = new();
}
