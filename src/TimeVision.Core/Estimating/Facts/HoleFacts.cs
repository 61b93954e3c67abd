using System.Text.Json.Serialization;

namespace TimeVision.Core.Estimating.Facts;

/// <summary>What a hole callout makes.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HoleKind>))]
public enum HoleKind
{
    /// <summary>A plain drilled or reamed hole (<c>4x Ø6.6</c>, <c>Ø12 H7</c>).</summary>
    [JsonStringEnumMemberName("drilled")]
    Drilled,

    /// <summary>A thread (<c>M6x1 ↧ 12</c>, <c>1/4-20 UNC</c>).</summary>
    [JsonStringEnumMemberName("threaded")]
    Threaded,

    /// <summary>A hole with a counterbore or spot face (<c>Ø9 ⌴ Ø15 ↧ 9</c>).</summary>
    [JsonStringEnumMemberName("counterbored")]
    Counterbored,

    /// <summary>A hole with a countersink (<c>Ø6.4 ⌵ Ø12 X 90°</c>).</summary>
    [JsonStringEnumMemberName("countersunk")]
    Countersunk,
}

/// <summary>
/// One hole or thread callout as the lettering states it, for the process-time engine: how many, how big, how deep,
/// through or blind, the thread and its pitch, the fit, the counterbore or countersink, and where it was read. Sizes
/// are in the drawing's units; what the text does not state is <see langword="null"/>.
/// </summary>
/// <param name="Kind">What the callout makes.</param>
/// <param name="Count">How many (<c>4x</c>); 1 when no count is written.</param>
/// <param name="Diameter">The hole's diameter, or a thread's nominal diameter (metric threads only).</param>
/// <param name="Source">Where it was read: page, text (continuation lines joined) and box.</param>
public sealed record HoleCallout(HoleKind Kind, int Count, double? Diameter, FactSource Source)
{
    /// <summary>Depth of the hole, or of the thread on a threaded callout (<c>↧ 12</c>, <c>DEEP 12</c>, <c>TIEF 12</c>).</summary>
    public double? Depth { get; init; }

    /// <summary><see langword="true"/> when the text says through (<c>THRU</c>, <c>DURCHGEHEND</c>, <c>通孔</c>); <see langword="false"/> when it gives a depth; otherwise unknown.</summary>
    public bool? Through { get; init; }

    /// <summary>The thread as normalised in <see cref="FeatureFacts.Threads"/> (<c>M6x1</c>, <c>1/4-20 UNC</c>).</summary>
    public string? Thread { get; init; }

    /// <summary>A metric thread's pitch when written (<c>M6x1</c> → 1), in mm.</summary>
    public double? Pitch { get; init; }

    /// <summary>The hole's fit (<c>H7</c>).</summary>
    public string? Fit { get; init; }

    /// <summary>The counterbore's diameter.</summary>
    public double? CounterboreDiameter { get; init; }

    /// <summary>The counterbore's depth.</summary>
    public double? CounterboreDepth { get; init; }

    /// <summary>The countersink's diameter.</summary>
    public double? CountersinkDiameter { get; init; }

    /// <summary>The countersink's included angle in degrees.</summary>
    public double? CountersinkAngle { get; init; }

    /// <summary>
    /// <c>high</c> when the callout says it is a hole (a count, a depth, through, a counterbore or countersink, a hole's
    /// fit); <c>medium</c> for a thread alone, which may be an external one.
    /// </summary>
    public FactConfidence Confidence { get; init; } = FactConfidence.High;
}
