namespace TimeVision.Core.Learning.FineTuning;

/// <summary>
/// How far one durable fine-tuning start has got, kept in the job store under its instance id so that a step run
/// again (a replay after a crash) neither uploads twice nor starts a second job: each provider call is marked as begun
/// before it is made and its result recorded after, and a step that finds a call begun but not recorded looks for what
/// the call made (the file by its name, the job by its training file) before making it again.
/// </summary>
public sealed record StoredFineTuneStart
{
    /// <summary>The start's id: its orchestration's instance id (<c>finetune-…</c>).</summary>
    public required string StartId { get; init; }

    /// <summary>The model to fine-tune.</summary>
    public required string BaseModel { get; init; }

    /// <summary>The suffix the new model's id will carry.</summary>
    public required string Suffix { get; init; }

    /// <summary>When the start first ran.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>What the uploaded export holds, once exported.</summary>
    public FineTuneExport? Export { get; init; }

    /// <summary>Whether the training file's upload was begun (it may have reached the provider even if no id is recorded).</summary>
    public bool TrainingUploadBegun { get; init; }

    /// <summary>The uploaded <c>train.jsonl</c>.</summary>
    public string? TrainingFileId { get; init; }

    /// <summary>Whether the validation file's upload was begun.</summary>
    public bool ValidationUploadBegun { get; init; }

    /// <summary>The uploaded <c>validation.jsonl</c>; none when the export held none back.</summary>
    public string? ValidationFileId { get; init; }

    /// <summary>Whether the job's creation was begun.</summary>
    public bool JobCreationBegun { get; init; }

    /// <summary>The provider's job, once created.</summary>
    public string? JobId { get; init; }

    /// <summary>The job's status when it was created.</summary>
    public string? JobStatus { get; init; }

    /// <summary>When the job was created.</summary>
    public DateTimeOffset? JobCreatedAt { get; init; }

    /// <summary>Whether both files the export needs are uploaded and recorded.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool FilesUploaded =>
        Export is { } export && TrainingFileId is not null && (export.ValidationExamples == 0 || ValidationFileId is not null);

    /// <summary>The file name a start uploads a side's JSONL under: unique to the start, so a replay can find it.</summary>
    public static string FileNameFor(string startId, string exportFileName) => $"{startId}-{exportFileName}";
}
