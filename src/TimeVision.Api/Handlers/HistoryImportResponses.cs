using TimeVision.Core.Learning.History;

namespace TimeVision.Api.Handlers;

/// <summary>
/// The 202 of <c>POST /api/history/imports</c>: <c>{"importId", "started", "status", "statusUrl"}</c>, <c>Location</c>
/// being <c>statusUrl</c>.
/// </summary>
/// <param name="ImportId">The import's id.</param>
/// <param name="Started">Whether this request scheduled it.</param>
/// <param name="Status"><c>started</c>, <c>already_started</c> or <c>restarted</c>.</param>
/// <param name="StatusUrl">Where to follow it.</param>
public sealed record HistoryImportAccepted(string ImportId, bool Started, string Status, string StatusUrl);

/// <summary>The 202 of an import still running: <c>{"importId", "state": "running", "progress"}</c>.</summary>
/// <param name="ImportId">The import's id.</param>
/// <param name="State">Always <c>running</c>.</param>
/// <param name="Progress">How far it got, once a drawing is done.</param>
public sealed record HistoryImportRunning(string ImportId, string State, HistoryImportProgress? Progress);
