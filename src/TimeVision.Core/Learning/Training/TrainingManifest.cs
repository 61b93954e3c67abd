using System.Text.Json.Serialization;

namespace TimeVision.Core.Learning.Training;

/// <summary>What an export wrote, what it left out and why, and whether it meets the fine-tuning limits.</summary>
public sealed record TrainingManifest
{
    /// <summary>When the export ran.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>What the examples teach: <c>minutes</c> or <c>features</c> (a manifest without it is from a minutes export).</summary>
    public TrainingTask Task { get; init; } = TrainingTask.Minutes;

    /// <summary>The kind of fine-tuning the files are for (a manifest without it is from an <c>openai</c> export).</summary>
    public TrainingFormat Format { get; init; } = TrainingFormat.OpenAI;

    /// <summary>The prompt set every example carries, exactly as served.</summary>
    public required PromptIdentity Prompt { get; init; }

    /// <summary>How images were prepared (as the estimator sends them).</summary>
    public required ImageSettings Images { get; init; }

    /// <summary>Which label sources were used (minutes: <c>actual</c>, <c>expert</c>; features: <c>estimator</c>, <c>text_layer_accepted</c>).</summary>
    public required IReadOnlyList<string> Sources { get; init; }

    /// <summary>The oldest feedback used, if limited.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Whether shadow-mode challenger answers were exported too (only when asked for).</summary>
    public bool IncludesShadow { get; init; }

    /// <summary>How examples were split.</summary>
    public required string SplitRule { get; init; }

    /// <summary>The training file.</summary>
    public required ExportFile Train { get; init; }

    /// <summary>The validation file.</summary>
    public required ExportFile Validation { get; init; }

    /// <summary>The image files beside the lines (<c>sharegpt</c>); absent when the images are inside the lines (<c>openai</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ExportImages? ImageFiles { get; init; }

    /// <summary>
    /// The features task's examples, one per line in file order (train, then validation): each document's drawing, side,
    /// label source, who confirmed it and when; absent for the minutes task.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ExampleLabel>? Examples { get; init; }

    /// <summary>Every labelled item left out, with its reason.</summary>
    public required IReadOnlyList<SkippedItem> Skipped { get; init; }

    /// <summary>The fine-tuning limits, checked.</summary>
    public required IReadOnlyList<LimitCheck> Checks { get; init; }
}

/// <summary>A prompt set's identity.</summary>
public sealed record PromptIdentity(string Id, string Version, string Hash);

/// <summary>Image preparation.</summary>
public sealed record ImageSettings(int MaxLongSidePx, string Detail);

/// <summary>One output file.</summary>
public sealed record ExportFile(string Name, int Examples, int Documents, long Bytes);

/// <summary>The image files an export wrote beside its lines, each sheet once however many examples show it.</summary>
/// <param name="Folder">The folder, relative to the export folder (<c>images</c>).</param>
/// <param name="Files">How many PNG files.</param>
/// <param name="Bytes">Their total size.</param>
public sealed record ExportImages(string Folder, int Files, long Bytes);

/// <summary>Where one features example's answer comes from.</summary>
/// <param name="DocumentId">The document.</param>
/// <param name="FileName">Its file.</param>
/// <param name="Drawing">The drawing key the split decided by (<see cref="DrawingSplit"/>).</param>
/// <param name="Side"><c>train</c> or <c>validation</c>.</param>
/// <param name="LabelSource">Whose features: the estimator's, or the text layer's confirmed by an accepted plan.</param>
/// <param name="ConfirmedBy">Who confirmed them, as the host vouched for them.</param>
/// <param name="ConfirmedAt">When.</param>
/// <param name="FeaturesVersion">The features version confirmed.</param>
/// <param name="Features">How many features the answer holds.</param>
public sealed record ExampleLabel(
    string DocumentId, string FileName, string Drawing, string Side, FeatureLabelSource LabelSource, string? ConfirmedBy, DateTimeOffset? ConfirmedAt, int FeaturesVersion, int Features);

/// <summary>A labelled item that was not exported.</summary>
public sealed record SkippedItem(string DocumentId, string FileName, int? Part, string Reason);

/// <summary>One fine-tuning limit and whether the export meets it.</summary>
public sealed record LimitCheck(string Name, bool Passed, string Detail);
