using TimeVision.Core.Estimating.Estimates;

namespace TimeVision.Core.Learning.FineTuning;

/// <summary>What a caller asks a fine-tuning start for.</summary>
/// <param name="BaseModel">The model to fine-tune, e.g. <c>gpt-4o-2024-08-06</c>.</param>
/// <param name="Suffix">1–64 letters, digits, <c>-</c> or <c>_</c>, carried in the new model's id.</param>
/// <param name="Sources">Which kinds of label to train on.</param>
/// <param name="ValidationPercent">Share of documents held out for validation (0–50).</param>
public sealed record FineTuneStartRequest(string BaseModel, string Suffix, IReadOnlyList<FeedbackSource> Sources, int ValidationPercent);

/// <summary>The start orchestration's input: references and settings, no payloads.</summary>
/// <param name="StartId">The orchestration's instance id, also the key of the start's progress in the job store.</param>
/// <param name="Request">What was asked for.</param>
/// <param name="RequestHash">A hash of <paramref name="Request"/>, to tell a reused idempotency key from a repeat.</param>
/// <param name="ActivityAttempts">Durable attempts per step (<c>Pipeline:ActivityAttempts</c>).</param>
/// <param name="ActivityFirstRetry">The wait before a step's first retry, doubling after.</param>
public sealed record FineTuneStartInput(string StartId, FineTuneStartRequest Request, string RequestHash, int ActivityAttempts, TimeSpan ActivityFirstRetry);

/// <summary>Why a start ended without a job: an expected outcome with a stable code, not an exception's text.</summary>
/// <param name="Code">E.g. <c>export_checks_failed</c>, <c>invalid_suffix</c>, <c>fine_tuning_closed</c>, <c>provider_rejected</c>.</param>
/// <param name="Message">What is wrong and what to do.</param>
public sealed record FineTuneStartError(string Code, string Message);

/// <summary>One step's result: done, or the typed reason the start ends here.</summary>
/// <param name="Error">Why the start ends, or <see langword="null"/> to go on.</param>
public sealed record FineTuneStepResult(FineTuneStartError? Error)
{
    /// <summary>Done; go on.</summary>
    public static FineTuneStepResult Done { get; } = new((FineTuneStartError?)null);
}

/// <summary>How a start ended: with a recorded job, or with a typed error.</summary>
/// <param name="JobId">The provider's job, recorded in the job store.</param>
/// <param name="Error">Why no job was started.</param>
public sealed record FineTuneStartOutcome(string? JobId, FineTuneStartError? Error);

/// <summary>Where a running start is, as its orchestration's custom status.</summary>
/// <param name="Stage"><c>uploading</c> (exporting and uploading both files), <c>creating_job</c>, <c>recording_job</c>, <c>done</c>.</param>
public sealed record FineTuneStartProgress(string Stage);
