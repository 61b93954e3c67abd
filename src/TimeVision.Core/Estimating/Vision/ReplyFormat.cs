using System.Text.Json.Serialization;

namespace TimeVision.Core.Estimating.Vision;

/// <summary>How a request asks for the reply's shape; providers differ in what they accept.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReplyFormat>))]
public enum ReplyFormat
{
    /// <summary><c>response_format</c> json_schema with <c>strict: true</c> (OpenAI's Structured Outputs). The default.</summary>
    [JsonStringEnumMemberName("json_schema_strict")]
    JsonSchemaStrict,

    /// <summary>json_schema without strict mode and without <c>additionalProperties</c> (Gemini rejects it).</summary>
    [JsonStringEnumMemberName("json_schema")]
    JsonSchema,

    /// <summary><c>response_format</c> json_object; the prompt carries the JSON shape.</summary>
    [JsonStringEnumMemberName("json_object")]
    JsonObject,

    /// <summary>No <c>response_format</c> at all; the prompt carries the JSON shape.</summary>
    [JsonStringEnumMemberName("none")]
    None,
}

/// <summary>The setting names of <see cref="ReplyFormat"/>.</summary>
public static class ReplyFormats
{
    /// <summary>Every name, strongest first: the order a model check steps down in.</summary>
    public static IReadOnlyList<(string Name, ReplyFormat Format)> All { get; } =
    [
        ("json_schema_strict", ReplyFormat.JsonSchemaStrict),
        ("json_schema", ReplyFormat.JsonSchema),
        ("json_object", ReplyFormat.JsonObject),
        ("none", ReplyFormat.None),
    ];

    /// <summary>The pattern a setting must match.</summary>
    public const string Pattern = "^(json_schema_strict|json_schema|json_object|none)$";

    /// <summary>The setting name of <paramref name="format"/>.</summary>
    public static string NameOf(ReplyFormat format) => All.First(f => f.Format == format).Name;

    /// <summary>The format a setting names.</summary>
    public static ReplyFormat Parse(string name) => All.First(f => f.Name == name).Format;

    /// <summary>Whether the prompt must carry the JSON shape because the request does not.</summary>
    public static bool PromptCarriesShape(ReplyFormat format) => format is ReplyFormat.JsonObject or ReplyFormat.None;
}
