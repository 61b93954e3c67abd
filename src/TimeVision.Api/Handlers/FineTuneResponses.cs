using TimeVision.Core.Learning.FineTuning;

namespace TimeVision.Api.Handlers;

/// <summary>
/// The 202 of <c>POST /api/fine-tune/jobs</c>: <c>{"startId", "started", "status", "statusUrl"}</c>, <c>Location</c>
/// being <c>statusUrl</c>.
/// </summary>
/// <param name="StartId">The start's id.</param>
/// <param name="Started">Whether this request scheduled it.</param>
/// <param name="Status"><c>started</c>, <c>already_started</c> or <c>restarted</c>.</param>
/// <param name="StatusUrl">Where to follow it.</param>
public sealed record FineTuneStartAccepted(string StartId, bool Started, FineTuneSubmissionStatus Status, string StatusUrl);

/// <summary>The 200 of <c>GET /api/fine-tune/jobs</c>: <c>{"jobs": [...]}</c>, oldest first.</summary>
/// <param name="Jobs">Every recorded job, as last checked.</param>
public sealed record FineTuneJobList(IReadOnlyList<FineTuneJob> Jobs);
