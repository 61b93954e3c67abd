using System.Text.Json.Serialization;

namespace TimeVision.Core.Estimating.ProcessPlanning;

/// <summary>What a feature is, and so which formula times it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FeatureType>))]
public enum FeatureType
{
    /// <summary>Face milling a flat surface.</summary>
    [JsonStringEnumMemberName("face_milling")]
    FaceMilling,

    /// <summary>Milling a pocket.</summary>
    [JsonStringEnumMemberName("pocket_milling")]
    PocketMilling,

    /// <summary>Milling a slot (the tool as wide as the slot).</summary>
    [JsonStringEnumMemberName("slot_milling")]
    SlotMilling,

    /// <summary>Milling an outline.</summary>
    [JsonStringEnumMemberName("contour_milling")]
    ContourMilling,

    /// <summary>Drilling a hole.</summary>
    [JsonStringEnumMemberName("drilling")]
    Drilling,

    /// <summary>Reaming a drilled hole.</summary>
    [JsonStringEnumMemberName("reaming")]
    Reaming,

    /// <summary>Boring a hole.</summary>
    [JsonStringEnumMemberName("boring")]
    Boring,

    /// <summary>Tapping a thread (the core hole is a drilling feature of its own).</summary>
    [JsonStringEnumMemberName("tapping")]
    Tapping,

    /// <summary>Longitudinal turning from one diameter to another.</summary>
    [JsonStringEnumMemberName("turning")]
    Turning,

    /// <summary>Facing across an end.</summary>
    [JsonStringEnumMemberName("facing")]
    Facing,

    /// <summary>Plunge grooving.</summary>
    [JsonStringEnumMemberName("grooving")]
    Grooving,

    /// <summary>Parting off.</summary>
    [JsonStringEnumMemberName("parting")]
    Parting,

    /// <summary>Single-point thread turning.</summary>
    [JsonStringEnumMemberName("thread_turning")]
    ThreadTurning,

    /// <summary>A chamfer or edge break.</summary>
    [JsonStringEnumMemberName("chamfer")]
    Chamfer,

    /// <summary>A saw cut (the stock cut is planned from the stock by itself).</summary>
    [JsonStringEnumMemberName("sawing")]
    Sawing,
}
