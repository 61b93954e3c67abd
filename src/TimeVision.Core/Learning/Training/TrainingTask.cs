using System.Text.Json.Serialization;

namespace TimeVision.Core.Learning.Training;

/// <summary>What the exported examples teach.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TrainingTask>))]
public enum TrainingTask
{
    /// <summary>The minutes: a part's sheets with the served prompt set, answered by the estimate carrying the shop's real time.</summary>
    [JsonStringEnumMemberName("minutes")]
    Minutes,

    /// <summary>
    /// Reading: a part's sheets with the <c>reading</c> prompt set, answered by the features the estimator confirmed
    /// (<see cref="ConfirmedFeatures"/>).
    /// </summary>
    [JsonStringEnumMemberName("features")]
    Features,
}

/// <summary>The names of <see cref="TrainingTask"/> as the CLI (<c>--task</c>) and the API (<c>task=</c>) take them.</summary>
public static class TrainingTasks
{
    /// <summary>Every accepted name, the default first.</summary>
    public static IReadOnlyList<string> Names { get; } = ["minutes", "features"];

    /// <summary>The task a value names: <c>minutes</c> (also the default) or <c>features</c>; <see langword="null"/> for anything else.</summary>
    /// <param name="value">The value given.</param>
    public static TrainingTask? Parse(string? value) => value switch
    {
        null or "" or "minutes" => TrainingTask.Minutes,
        "features" => TrainingTask.Features,
        _ => null,
    };
}
