using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using TimeVision.Api.Http;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Learning.Feedback;
using TimeVision.Core.Learning.History;
using TimeVision.Core.Learning.History.Durable;

namespace TimeVision.Api.Handlers;

/// <summary>
/// <c>POST /api/history/imports</c> (admin) imports the shop's history: the body is the times file (CSV, as
/// <c>timevision import --times</c> takes it), the query takes the command's options (<c>aggregate</c>, <c>source</c>,
/// <c>dryRun</c>, <c>file</c> for the name the labels record), and the drawings are the PDFs in the history container
/// (<c>History:Container</c>, default <c>history</c>), which no trigger watches. A durable orchestration runs the import
/// outside the request; an <c>Idempotency-Key</c> header names it (without one, the file and options do).
/// <c>GET /api/history/imports/{importId}</c> (admin) follows it. No model is called.
/// </summary>
/// <param name="imports">Schedules and follows imports.</param>
/// <param name="logger">Logs what callers are not shown, under their correlation id.</param>
public sealed class HistoryImportApi(HistoryImports imports, ILogger<HistoryImportApi> logger)
{
    /// <summary>
    /// Schedules the import, or finds it: <c>202</c> with <c>{importId, started, status, statusUrl}</c> and <c>Location</c>,
    /// <c>status</c> being <c>started</c>, <c>already_started</c> or <c>restarted</c>; <c>400</c> for an empty body, a bad
    /// option or key; <c>413</c> <c>times_file_too_large</c> past <c>History:MaxImportBytes</c> (read no further);
    /// <c>422</c> <c>idempotency_key_reused</c> for a key sent before with another file or options.
    /// </summary>
    public async Task<Results<Accepted<HistoryImportAccepted>, JsonHttpResult<ApiErrorBody>>> StartAsync(
        HttpRequest request,
        DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query;
        var aggregate = LabelAggregator.Parse(query["aggregate"].ToString());
        var source = FeedbackLabels.ParseSources(query["source"].ToString()) is { Count: 1 } sources ? sources.Single() : (FeedbackSource?)null;
        var dryRunText = query["dryRun"].ToString();
        bool? dryRun = dryRunText.Length == 0 ? false : bool.TryParse(dryRunText, out var parsed) ? parsed : null;
        if (aggregate is null || source is null || dryRun is null)
        {
            return ApiError.Json(
                StatusCodes.Status400BadRequest, "invalid_request", "aggregate must be median or trimmed-mean, source actual or expert, dryRun true or false.");
        }

        var keys = request.Headers[FineTuneApi.IdempotencyKeyHeader];
        if (keys.Count > 1)
        {
            return ApiError.Json(StatusCodes.Status400BadRequest, "invalid_idempotency_key", $"Send one {FineTuneApi.IdempotencyKeyHeader} header.");
        }

        var fileName = query["file"].ToString() is { Length: > 0 and <= FeedbackLimits.MaxShortTextLength } name ? name : "times.csv";
        var options = new HistoryImportOptionsRequest(aggregate.Value, source.Value, dryRun.Value, fileName);
        var submission = await imports.SubmitAsync(request.Body, options, keys.Count == 1 ? keys[0] : null, client, cancellationToken);
        if (submission.ErrorCode is { } code)
        {
            var status = code switch
            {
                "idempotency_key_reused" => StatusCodes.Status422UnprocessableEntity,
                TimesFileLimits.TooLarge => StatusCodes.Status413PayloadTooLarge,
                _ => StatusCodes.Status400BadRequest,
            };
            return ApiError.Json(status, code, submission.Message!);
        }

        var statusUrl = StatusUrl(request, submission.ImportId!);
        return TypedResults.Accepted(statusUrl, new HistoryImportAccepted(submission.ImportId!, submission.Started, submission.Status, statusUrl));
    }

    /// <summary>
    /// An import's status: <c>202</c> while it runs (<c>{importId, state: "running", progress: {drawingsDone,
    /// drawingsTotal, file, rendered}}</c>, progress once a drawing is done); <c>200</c> with the summary, exactly as
    /// <c>timevision import --json</c> prints it (at most 1,000 bad and 1,000 unmatched rows listed, all counted);
    /// <c>422</c> with the times file's problem (<c>missing_columns</c>, <c>empty_file</c>, <c>too_many_rows</c> past
    /// <c>History:MaxImportRows</c>); <c>500</c> <c>history_import_failed</c> when it failed on a fault (details in the log; the same
    /// POST resumes it); <c>404</c> when unknown.
    /// </summary>
    public async Task<Results<Accepted<HistoryImportRunning>, Ok<JsonElement>, JsonHttpResult<ApiErrorBody>>> GetAsync(
        HttpRequest request,
        string importId,
        DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var status = await imports.GetStatusAsync(importId, client, cancellationToken);
        return status switch
        {
            null => ApiError.Json(StatusCodes.Status404NotFound, "not_found", $"No history import with id '{importId}'."),
            { State: "running" } => TypedResults.Accepted(StatusUrl(request, importId), new HistoryImportRunning(importId, status.State, status.Progress)),
            { State: "done", Summary: { } summary } => TypedResults.Ok(summary),
            { Error: { } error } => ApiError.Json(StatusCodes.Status422UnprocessableEntity, error.Code, error.Message),
            _ => ApiError.Logged(
                logger,
                StatusCodes.Status500InternalServerError,
                "history_import_failed",
                "The history import failed; send the same POST again to resume it. The details are in the log under the correlation id.",
                $"import {importId}: {status.Fault}"),
        };
    }

    private static string StatusUrl(HttpRequest request, string importId) =>
        ApiUrls.Absolute(request, $"/api/history/imports/{importId}");
}
