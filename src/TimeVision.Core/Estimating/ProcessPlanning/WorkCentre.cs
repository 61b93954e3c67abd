using System.Text.Json.Serialization;

namespace TimeVision.Core.Estimating.ProcessPlanning;

/// <summary>What a work centre does.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WorkCentreKind>))]
public enum WorkCentreKind
{
    /// <summary>A saw.</summary>
    [JsonStringEnumMemberName("sawing")]
    Sawing,

    /// <summary>A lathe.</summary>
    [JsonStringEnumMemberName("turning")]
    Turning,

    /// <summary>A mill.</summary>
    [JsonStringEnumMemberName("milling")]
    Milling,

    /// <summary>A drill press.</summary>
    [JsonStringEnumMemberName("drilling")]
    Drilling,

    /// <summary>Inspection.</summary>
    [JsonStringEnumMemberName("inspection")]
    Inspection,

    /// <summary>Bench work (deburring).</summary>
    [JsonStringEnumMemberName("manual")]
    Manual,

    /// <summary>Outsourced.</summary>
    [JsonStringEnumMemberName("external")]
    External,
}

/// <summary>
/// A work centre: its kind, limits, non-cutting times and setup rule, and (for pricing, issue 29) its hourly rates
/// split as the shop splits them. One list serves the planner and the rates.
/// </summary>
public sealed record WorkCentre
{
    /// <summary>The id (the shop's work-centre number).</summary>
    public required string Id { get; init; }

    /// <summary>The name.</summary>
    public string? Name { get; init; }

    /// <summary>What it does.</summary>
    public required WorkCentreKind Kind { get; init; }

    /// <summary>The ERP's code for it.</summary>
    public string? ErpCode { get; init; }

    /// <summary>Whether it is in use.</summary>
    public bool Active { get; init; } = true;

    /// <summary>Whether the planner may choose it by itself (special machines are chosen by a person).</summary>
    public bool Automatic { get; init; } = true;

    /// <summary>Lower is preferred among centres of the same size.</summary>
    public int Priority { get; init; } = 99;

    /// <summary>Largest diameter (lathe swing, saw capacity); none when absent.</summary>
    public double? MaxDiameterMm { get; init; }

    /// <summary>Largest part length; none when absent.</summary>
    public double? MaxLengthMm { get; init; }

    /// <summary>Largest travel; none when absent.</summary>
    public double? MaxTravelMm { get; init; }

    /// <summary>Number of axes.</summary>
    public int? Axes { get; init; }

    /// <summary>Rapid traverse, m/min.</summary>
    public double? RapidMPerMin { get; init; }

    /// <summary>Tool change, minutes.</summary>
    public double? ToolChangeMin { get; init; }

    /// <summary>Load and unload per clamping, minutes per piece.</summary>
    public double LoadUnloadMin { get; init; }

    /// <summary>Setup per clamping before tools, minutes.</summary>
    public double SetupBaseMin { get; init; }

    /// <summary>Setup per tool, minutes.</summary>
    public double SetupPerToolMin { get; init; }

    /// <summary>Depreciation, per hour (rates currency).</summary>
    public double? DepreciationPerHour { get; init; }

    /// <summary>Labour, per hour.</summary>
    public double? LabourPerHour { get; init; }

    /// <summary>Tools, per hour.</summary>
    public double? ToolsPerHour { get; init; }

    /// <summary>Overhead, per hour.</summary>
    public double? OverheadPerHour { get; init; }

    /// <summary>Where the values come from.</summary>
    public string? Source { get; init; }
}

/// <summary>The work centres a plan may use, versioned.</summary>
public sealed record WorkCentreList
{
    /// <summary>The list's version.</summary>
    public required string Version { get; init; }

    /// <summary>The currency of the hourly rates.</summary>
    public string? Currency { get; init; }

    /// <summary>The centres.</summary>
    public IReadOnlyList<WorkCentre> WorkCentres { get; init; } = [];
}
