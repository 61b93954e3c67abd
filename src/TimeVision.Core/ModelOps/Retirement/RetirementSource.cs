using System.Text.Json.Serialization;

namespace TimeVision.Core.ModelOps.Retirement;

/// <summary>Who says when a model retires.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RetirementSource>))]
public enum RetirementSource
{
    /// <summary>The endpoint's <c>shutdown_date</c>.</summary>
    [JsonStringEnumMemberName("provider")]
    Provider,

    /// <summary><c>Vision:Models:…:RetiresOn</c>.</summary>
    [JsonStringEnumMemberName("setting")]
    Setting,

    /// <summary>The date shipped with TimeVision.</summary>
    [JsonStringEnumMemberName("default")]
    Default,

    /// <summary>Nobody gives a date.</summary>
    [JsonStringEnumMemberName("none")]
    None,
}
