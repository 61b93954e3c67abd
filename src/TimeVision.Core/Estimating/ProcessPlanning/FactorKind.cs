using System.Text.Json.Serialization;

namespace TimeVision.Core.Estimating.ProcessPlanning;

/// <summary>
/// What one of the shop's factors applies to: an operation kind, with tapping apart from the rest of the drilling
/// operation, since taps run at speeds of their own.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<FactorKind>))]
public enum FactorKind
{
    /// <summary>The sawing operation.</summary>
    [JsonStringEnumMemberName("sawing")]
    Sawing,

    /// <summary>The turning operation.</summary>
    [JsonStringEnumMemberName("turning")]
    Turning,

    /// <summary>The milling operation.</summary>
    [JsonStringEnumMemberName("milling")]
    Milling,

    /// <summary>The drilling operation without its tapping lines: drilling, reaming, boring, tool changes, rapids and load/unload.</summary>
    [JsonStringEnumMemberName("drilling")]
    Drilling,

    /// <summary>The tapping lines of the drilling operation (their cutting minutes).</summary>
    [JsonStringEnumMemberName("tapping")]
    Tapping,

    /// <summary>The deburring operation.</summary>
    [JsonStringEnumMemberName("deburring")]
    Deburring,

    /// <summary>The inspection operation.</summary>
    [JsonStringEnumMemberName("inspection")]
    Inspection,
}
