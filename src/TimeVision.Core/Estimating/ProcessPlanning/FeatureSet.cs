using System.Text.Json.Serialization;
using TimeVision.Core.Estimating.Facts;

namespace TimeVision.Core.Estimating.ProcessPlanning;

/// <summary>What kind of part it is: the shop's <c>PRI</c> (prismatic), <c>ROT</c> (rotational) or <c>COMBINED</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PartType>))]
public enum PartType
{
    /// <summary>Prismatic: milled.</summary>
    [JsonStringEnumMemberName("PRI")]
    Prismatic,

    /// <summary>Rotational: turned.</summary>
    [JsonStringEnumMemberName("ROT")]
    Rotational,

    /// <summary>Turned, then milled.</summary>
    [JsonStringEnumMemberName("COMBINED")]
    Combined,
}

/// <summary>The stock a part is cut from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StockShape>))]
public enum StockShape
{
    /// <summary>Round bar.</summary>
    [JsonStringEnumMemberName("bar")]
    Bar,

    /// <summary>Plate (its height is the thickness).</summary>
    [JsonStringEnumMemberName("plate")]
    Plate,

    /// <summary>A rectangular block or flat bar.</summary>
    [JsonStringEnumMemberName("block")]
    Block,

    /// <summary>Tube.</summary>
    [JsonStringEnumMemberName("tube")]
    Tube,
}

/// <summary>The stock's shape and sizes; any size may be absent.</summary>
public sealed record Stock
{
    /// <summary>Bar, plate, block or tube.</summary>
    public StockShape? Shape { get; init; }

    /// <summary>Outside diameter of a bar or tube.</summary>
    public double? DiameterMm { get; init; }

    /// <summary>Inside diameter (bore) of a tube, for its weight.</summary>
    public double? InnerDiameterMm { get; init; }

    /// <summary>Length.</summary>
    public double? LengthMm { get; init; }

    /// <summary>Width of a plate or block.</summary>
    public double? WidthMm { get; init; }

    /// <summary>Height (thickness) of a plate or block.</summary>
    public double? HeightMm { get; init; }
}

/// <summary>
/// A part's features, as the text layer, a vision model or an estimator give them: the features contract of
/// <c>src/docs/process-plan.md</c>. Any field may be absent; the engine then takes a default and says so.
/// </summary>
public sealed record FeatureSet
{
    /// <summary>Prismatic, rotational or combined.</summary>
    public PartType? PartType { get; init; }

    /// <summary>The material as written on the drawing.</summary>
    public string? Material { get; init; }

    /// <summary>The material's group (<c>steel</c>, <c>aluminium</c>, <c>stainless_steel</c>, …), as <see cref="MaterialCatalog.Groups"/> names them.</summary>
    public string? MaterialGroup { get; init; }

    /// <summary>The stock.</summary>
    public Stock? Stock { get; init; }

    /// <summary>The features to machine.</summary>
    public IReadOnlyList<MachiningFeature> Features { get; init; } = [];
}
