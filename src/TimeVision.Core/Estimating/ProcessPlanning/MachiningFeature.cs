namespace TimeVision.Core.Estimating.ProcessPlanning;

/// <summary>The tool a feature asks for; absent fields take the cutting data's tool rules.</summary>
public sealed record FeatureTool
{
    /// <summary>Tool diameter.</summary>
    public double? DiameterMm { get; init; }

    /// <summary>Number of teeth (milling).</summary>
    public int? Teeth { get; init; }
}

/// <summary>Cutting values a feature fixes; each given value wins over the cutting data.</summary>
public sealed record CuttingOverrides
{
    /// <summary>Cutting speed Vc, m/min.</summary>
    public double? VcMPerMin { get; init; }

    /// <summary>Spindle speed; when given, Vc is not used.</summary>
    public double? Rpm { get; init; }

    /// <summary>Feed per tooth (milling).</summary>
    public double? FzMm { get; init; }

    /// <summary>Feed per revolution (drilling, reaming, boring, turning).</summary>
    public double? FMmPerRev { get; init; }

    /// <summary>Depth of cut per pass.</summary>
    public double? ApMm { get; init; }

    /// <summary>Width of cut (milling stepover).</summary>
    public double? AeMm { get; init; }
}

/// <summary>One machining feature of the features contract; sizes in mm, any of them may be absent.</summary>
public sealed record MachiningFeature
{
    /// <summary>The feature's id, unique within its set (<c>f1</c>, …).</summary>
    public string? Id { get; init; }

    /// <summary>What it is.</summary>
    public required FeatureType Type { get; init; }

    /// <summary>How many alike (default 1); it multiplies the feature's time.</summary>
    public int? Count { get; init; }

    /// <summary>Length (milling travel basis, turned length, thread length).</summary>
    public double? LengthMm { get; init; }

    /// <summary>Width (face, slot, pocket, groove).</summary>
    public double? WidthMm { get; init; }

    /// <summary>Depth (milling depth, hole depth, groove depth).</summary>
    public double? DepthMm { get; init; }

    /// <summary>Diameter (hole, thread, turned diameter).</summary>
    public double? DiameterMm { get; init; }

    /// <summary>Turning and facing: the diameter cut from.</summary>
    public double? DiameterFromMm { get; init; }

    /// <summary>Turning and facing: the diameter cut to.</summary>
    public double? DiameterToMm { get; init; }

    /// <summary>Whether a hole goes through.</summary>
    public bool? Through { get; init; }

    /// <summary>The thread as written (<c>M8</c>, <c>M6x1</c>).</summary>
    public string? Thread { get; init; }

    /// <summary>Thread pitch.</summary>
    public double? PitchMm { get; init; }

    /// <summary>Extra travel outside the material (the whole of it, when given).</summary>
    public double? ApproachMm { get; init; }

    /// <summary>The tool's travel per pass, when known; replaces the computed travel.</summary>
    public double? TravelMm { get; init; }

    /// <summary>The tool.</summary>
    public FeatureTool? Tool { get; init; }

    /// <summary>Cutting values that win over the cutting data.</summary>
    public CuttingOverrides? Cutting { get; init; }

    /// <summary>Where the feature came from.</summary>
    public FeatureSource? Source { get; init; }
}
