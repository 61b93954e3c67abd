using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Pipeline;

namespace TimeVision.Api.Handlers;

/// <summary>
/// The 202 of an upload or a retry that started or found an estimate:
/// <c>{"id", "started", "status", "model", "retryPages", "notice", "statusUrl"}</c>, <c>Location</c> being <c>statusUrl</c>.
/// </summary>
/// <param name="Id">The document's id.</param>
/// <param name="Started">Whether this request started the estimate.</param>
/// <param name="Status">What the intake did.</param>
/// <param name="Model">The model it runs with, when one was started.</param>
/// <param name="RetryPages">The pages a retry runs again.</param>
/// <param name="Notice">What the caller should know about it.</param>
/// <param name="StatusUrl">Where to follow it.</param>
public sealed record EstimateAccepted(
    string? Id, bool Started, IntakeStatus Status, ModelId? Model, IReadOnlyList<int>? RetryPages, string? Notice, string StatusUrl);

/// <summary>The 200 of a retry with nothing to retry: <c>{"id", "started": false, "status", "notice"}</c>.</summary>
/// <param name="Id">The document's id.</param>
/// <param name="Started">Always <see langword="false"/>.</param>
/// <param name="Status">What the intake found.</param>
/// <param name="Notice">Why nothing was started, and what to do instead.</param>
public sealed record EstimateRetryNotNeeded(string? Id, bool Started, IntakeStatus Status, string Notice);

/// <summary>The 202 of a document still being estimated: <c>{"id", "status": "running", "progress"}</c>.</summary>
/// <param name="Id">The document's id.</param>
/// <param name="Status">Always <c>running</c>.</param>
/// <param name="Progress">How far it got, once it reported.</param>
public sealed record EstimateRunning(string Id, string Status, PipelineProgress? Progress);
