using System.Text.Json.Serialization;

namespace TimeVision.Core.Estimating.Estimates;

/// <summary>Where a document came in; recorded with its estimate.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DocumentSource>))]
public enum DocumentSource
{
    /// <summary><c>timevision estimate</c> on one PC.</summary>
    [JsonStringEnumMemberName("cli")]
    Cli,

    /// <summary>Posted to <c>POST /api/estimates</c>.</summary>
    [JsonStringEnumMemberName("http")]
    Http,

    /// <summary>Dropped into the <c>drawings</c> container.</summary>
    [JsonStringEnumMemberName("blob")]
    Blob,

    /// <summary>Brought in with the shop's history (<c>timevision import</c>, <c>POST /api/history/imports</c>).</summary>
    [JsonStringEnumMemberName("import")]
    Import,
}
