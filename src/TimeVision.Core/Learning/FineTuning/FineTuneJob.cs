using TimeVision.Core.Learning.Training;

namespace TimeVision.Core.Learning.FineTuning;

/// <summary>A fine-tuning job as TimeVision started and last saw it.</summary>
public sealed record FineTuneJob
{
    /// <summary>OpenAI's job id (<c>ftjob-…</c>).</summary>
    public required string JobId { get; init; }

    /// <summary>The model being fine-tuned, e.g. <c>gpt-4o-2024-08-06</c>.</summary>
    public required string BaseModel { get; init; }

    /// <summary>The suffix the fine-tuned model's id will carry.</summary>
    public required string Suffix { get; init; }

    /// <summary>The uploaded <c>train.jsonl</c>.</summary>
    public required string TrainingFileId { get; init; }

    /// <summary>The uploaded <c>validation.jsonl</c>; <see langword="null"/> when the export held none back.</summary>
    public string? ValidationFileId { get; init; }

    /// <summary>What was uploaded: prompt set and example counts, from the export's manifest.</summary>
    public required FineTuneExport Export { get; init; }

    /// <summary>
    /// The job's status as the API reports it: <c>validating_files</c>, <c>queued</c>, <c>running</c>,
    /// <c>succeeded</c>, <c>failed</c> or <c>cancelled</c>.
    /// </summary>
    public required string Status { get; init; }

    /// <summary>Tokens trained on so far (billed), once the API reports them.</summary>
    public int? TrainedTokens { get; init; }

    /// <summary>The new model's id, once the job has succeeded.</summary>
    public string? FineTunedModel { get; init; }

    /// <summary>Why the job failed.</summary>
    public FineTuneError? Error { get; init; }

    /// <summary>The latest training metrics from the job's checkpoints or events.</summary>
    public FineTuneMetrics? Metrics { get; init; }

    /// <summary>When the job was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When TimeVision last asked the API about it.</summary>
    public DateTimeOffset? CheckedAt { get; init; }

    /// <summary>When TimeVision first saw it finished.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Whether its model was added to the registry's candidates.</summary>
    public bool CandidateRegistered { get; init; }

    /// <summary>
    /// When its training and validation files were deleted from the provider after it ended; <see langword="null"/>
    /// while they are still there (the job runs, <c>FineTuning:KeepTrainingFiles</c> is on, or a deletion failed and
    /// waits for the next check).
    /// </summary>
    public DateTimeOffset? FilesDeletedAt { get; init; }

    /// <summary>The start (its durable orchestration's instance id) that created the job; none for jobs started from the CLI.</summary>
    public string? StartId { get; init; }

    /// <summary>Whether the job can change no more.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsFinished => IsFinal(Status);

    /// <summary>Whether <paramref name="status"/> is one a job never leaves.</summary>
    public static bool IsFinal(string status) => status is FineTuneStatuses.Succeeded or FineTuneStatuses.Failed or FineTuneStatuses.Cancelled;
}

/// <summary>The status values of OpenAI's fine-tuning jobs.</summary>
public static class FineTuneStatuses
{
    /// <summary>The uploaded files are being checked.</summary>
    public const string ValidatingFiles = "validating_files";

    /// <summary>Waiting to start.</summary>
    public const string Queued = "queued";

    /// <summary>Training.</summary>
    public const string Running = "running";

    /// <summary>Done; the model exists.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>Stopped with an error.</summary>
    public const string Failed = "failed";

    /// <summary>Cancelled by someone.</summary>
    public const string Cancelled = "cancelled";
}

/// <summary>What a fine-tuning job was trained on.</summary>
/// <param name="PromptSetId">The prompt set the examples were written with (and the model must be served with).</param>
/// <param name="PromptVersion">That set's version.</param>
/// <param name="PromptHash">That set's hash.</param>
/// <param name="TrainingExamples">Lines in <c>train.jsonl</c>.</param>
/// <param name="ValidationExamples">Lines in <c>validation.jsonl</c>.</param>
public sealed record FineTuneExport(string PromptSetId, string PromptVersion, string PromptHash, int TrainingExamples, int ValidationExamples)
{
    /// <summary>What an export's manifest says it holds.</summary>
    public static FineTuneExport Of(TrainingManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return new(manifest.Prompt.Id, manifest.Prompt.Version, manifest.Prompt.Hash, manifest.Train.Examples, manifest.Validation.Examples);
    }
}

/// <summary>A failed job's error, as the API reports it.</summary>
/// <param name="Code">A machine-readable code.</param>
/// <param name="Message">What went wrong.</param>
/// <param name="Param">The parameter at fault, when there is one (e.g. <c>training_file</c>).</param>
public sealed record FineTuneError(string? Code, string Message, string? Param);

/// <summary>Training metrics at one step.</summary>
/// <param name="Step">The training step they were measured at.</param>
/// <param name="TrainLoss">Loss on the training batch.</param>
/// <param name="ValidLoss">Loss on a validation batch, when the job has a validation file.</param>
/// <param name="FullValidLoss">Loss on the whole validation file (checkpoints at epoch ends carry it).</param>
/// <param name="Source"><c>checkpoint</c> or <c>event</c>: where the figures were read.</param>
public sealed record FineTuneMetrics(int Step, double? TrainLoss, double? ValidLoss, double? FullValidLoss, string Source);
