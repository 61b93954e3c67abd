using System.Text.Json.Serialization;

namespace TimeVision.Core.Learning.FineTuning;

/// <summary>What asking for a fine-tuning start did.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FineTuneSubmissionStatus>))]
public enum FineTuneSubmissionStatus
{
    /// <summary>A new start was scheduled.</summary>
    [JsonStringEnumMemberName("started")]
    Started,

    /// <summary>The same start exists (running or ended); nothing new was scheduled.</summary>
    [JsonStringEnumMemberName("already_started")]
    AlreadyStarted,

    /// <summary>The same start had failed on an infrastructure fault; it runs again and resumes from its recorded progress.</summary>
    [JsonStringEnumMemberName("restarted")]
    Restarted,

    /// <summary>Refused before anything was scheduled: see the error.</summary>
    [JsonStringEnumMemberName("rejected")]
    Rejected,
}

/// <summary>What asking for a fine-tuning start did, and under which id to follow it.</summary>
/// <param name="Status">What happened.</param>
/// <param name="StartId">The start's id (its orchestration's instance id), unless refused before one was known.</param>
/// <param name="Error">Why it was refused: <c>invalid_suffix</c>, <c>idempotency_key_reused</c>, …</param>
public sealed record FineTuneSubmission(FineTuneSubmissionStatus Status, string? StartId, FineTuneStartError? Error = null)
{
    /// <summary>Whether this request scheduled the start's orchestration (new or again).</summary>
    public bool Started => Status is FineTuneSubmissionStatus.Started or FineTuneSubmissionStatus.Restarted;
}

/// <summary>Where a start stands, as its status endpoint reports it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FineTuneStartState>))]
public enum FineTuneStartState
{
    /// <summary>Its steps are running (or waiting to).</summary>
    [JsonStringEnumMemberName("running")]
    Running,

    /// <summary>It created the provider's job and recorded it.</summary>
    [JsonStringEnumMemberName("job_started")]
    JobStarted,

    /// <summary>It ended without a job, for a reason the caller can act on (the error says which).</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>Its orchestration failed on a fault (details in the log); asking for the same start again resumes it.</summary>
    [JsonStringEnumMemberName("faulted")]
    Faulted,
}

/// <summary>A start's status.</summary>
/// <param name="StartId">The start's id.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Stage">While running: <c>pending</c>, <c>uploading</c>, <c>creating_job</c>, <c>recording_job</c>.</param>
/// <param name="Job">The recorded job, as last checked, once started.</param>
/// <param name="Error">Why it ended without a job.</param>
/// <param name="Fault">For the log only, when faulted: the orchestration's failure; never shown to a caller.</param>
public sealed record FineTuneStartStatus(
    string StartId, FineTuneStartState State, string? Stage, FineTuneJob? Job, FineTuneStartError? Error, [property: JsonIgnore] string? Fault = null);
