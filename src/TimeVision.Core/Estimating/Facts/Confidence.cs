using System.Text.Json.Serialization;

namespace TimeVision.Core.Estimating.Facts;

/// <summary>How sure an estimate is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Confidence>))]
public enum Confidence
{
    /// <summary>High.</summary>
    [JsonStringEnumMemberName("high")]
    High,

    /// <summary>Medium.</summary>
    [JsonStringEnumMemberName("medium")]
    Medium,

    /// <summary>Low.</summary>
    [JsonStringEnumMemberName("low")]
    Low,
}
