using System.Text.Json.Serialization;

namespace TimeVision.Core.Learning.Training;

/// <summary>Which kind of fine-tuning an export is for.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TrainingFormat>))]
public enum TrainingFormat
{
    /// <summary>OpenAI / Azure OpenAI vision fine-tuning: images inside the lines as PNG data URLs.</summary>
    [JsonStringEnumMemberName("openai")]
    OpenAI,

    /// <summary>
    /// Open-weight training (LLaMA-Factory, ms-swift): ShareGPT <c>messages</c> with <c>&lt;image&gt;</c> tokens and
    /// an <c>images</c> list of PNG files under <c>images/</c>, plus LLaMA-Factory's <c>dataset_info.json</c>.
    /// </summary>
    [JsonStringEnumMemberName("sharegpt")]
    ShareGpt,
}

/// <summary>The names of <see cref="TrainingFormat"/> as the CLI (<c>--format</c>) and the API (<c>format=</c>) take them.</summary>
public static class TrainingFormats
{
    /// <summary>Every accepted name, the default first.</summary>
    public static IReadOnlyList<string> Names { get; } = ["openai", "sharegpt"];

    /// <summary>
    /// The format a <c>--format</c> / <c>format=</c> value names: <c>openai</c> (also the default) or <c>sharegpt</c>;
    /// <see langword="null"/> for anything else.
    /// </summary>
    public static TrainingFormat? Parse(string? value) => value switch
    {
        null or "" or "openai" => TrainingFormat.OpenAI,
        "sharegpt" => TrainingFormat.ShareGpt,
        _ => null,
    };
}
