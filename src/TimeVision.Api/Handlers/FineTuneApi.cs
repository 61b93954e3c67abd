using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using TimeVision.Api.Http;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Learning.Feedback;
using TimeVision.Core.Learning.FineTuning;
using TimeVision.Core.Learning.Training;

namespace TimeVision.Api.Handlers;

/// <summary>
/// <c>POST /api/fine-tune/jobs</c> (admin) asks for a fine-tuning start from the current labels: a durable
/// orchestration exports them, uploads both files and creates the job, outside the request. Body:
/// <c>{"baseModel": "gpt-4o-2024-08-06", "suffix": "…", "source": "actual", "validationPercent": 10}</c>; an
/// <c>Idempotency-Key</c> header names the start (without one, the request and the training set do), so a retry answers
/// the same start and never creates a second job. <c>GET /api/fine-tune/starts/{startId}</c> (admin) follows a start;
/// <c>GET /api/fine-tune/jobs</c> (admin) lists the recorded jobs.
/// </summary>
/// <param name="starts">Schedules and follows starts.</param>
/// <param name="fineTuning">Lists jobs.</param>
/// <param name="logger">Logs what callers are not shown, under their correlation id.</param>
public sealed class FineTuneApi(FineTuneStarts starts, FineTuneService fineTuning, ILogger<FineTuneApi> logger)
{
    /// <summary>The header that names a start.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>
    /// Schedules the start, or finds it: <c>202</c> with <c>{startId, started, status, statusUrl}</c> and
    /// <c>Location</c>, <c>status</c> being <c>started</c>, <c>already_started</c> or <c>restarted</c>; <c>400</c> for a
    /// bad body, key or name; <c>422</c> <c>idempotency_key_reused</c> for a key sent before with a different body.
    /// </summary>
    public async Task<Results<Accepted<FineTuneStartAccepted>, JsonHttpResult<ApiErrorBody>>> StartAsync(
        HttpRequest request,
        DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        StartRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<StartRequest>(request.Body, JsonSerializerOptions.Web, cancellationToken);
        }
        catch (JsonException exception)
        {
            return Invalid($"The body is not JSON ({ApiError.WhereJsonBroke(exception)}).");
        }

        if (body is null || string.IsNullOrWhiteSpace(body.Suffix))
        {
            return Invalid("Send {\"suffix\": \"…\"} and optionally baseModel, source (actual|expert|both) and validationPercent (0–50).");
        }

        var sources = FeedbackLabels.ParseSources(body.Source);
        if (sources is null || body.ValidationPercent is { } percent && !ValidationShare.IsValid(percent))
        {
            return Invalid($"source must be actual, expert or both, and validationPercent {ValidationShare.Rule}.");
        }

        var keys = request.Headers[IdempotencyKeyHeader];
        if (keys.Count > 1)
        {
            return ApiError.Json(StatusCodes.Status400BadRequest, "invalid_idempotency_key", $"Send one {IdempotencyKeyHeader} header.");
        }

        var startRequest = new FineTuneStartRequest(
            body.BaseModel ?? ModelIds.Default, body.Suffix, [.. sources.Order()], body.ValidationPercent ?? ValidationShare.DefaultPercent);
        var submission = await starts.SubmitAsync(startRequest, keys.Count == 1 ? keys[0] : null, client, cancellationToken);
        if (submission.Error is { } error)
        {
            var status = error.Code == "idempotency_key_reused" ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status400BadRequest;
            return ApiError.Json(status, error.Code, error.Message);
        }

        var statusUrl = StatusUrl(request, submission.StartId!);
        return TypedResults.Accepted(statusUrl, new FineTuneStartAccepted(submission.StartId!, submission.Started, submission.Status, statusUrl));
    }

    /// <summary>
    /// A start's status: <c>202</c> while it runs (<c>{startId, state: "running", stage}</c>); <c>200</c> once it
    /// ended, with the recorded <c>job</c> (<c>state: "job_started"</c>) or the typed <c>error</c> it ended with
    /// (<c>state: "failed"</c>, e.g. <c>export_checks_failed</c>); <c>500</c> <c>fine_tune_start_failed</c> when its
    /// orchestration failed on a fault (details in the log; the same POST resumes it); <c>404</c> when unknown.
    /// </summary>
    public async Task<Results<Accepted<FineTuneStartStatus>, Ok<FineTuneStartStatus>, JsonHttpResult<ApiErrorBody>>> GetStartAsync(
        HttpRequest request,
        string startId,
        DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var status = await starts.GetStatusAsync(startId, client, cancellationToken);
        return status switch
        {
            null => ApiError.Json(StatusCodes.Status404NotFound, "not_found", $"No fine-tuning start with id '{startId}'."),
            { State: FineTuneStartState.Running } => TypedResults.Accepted(StatusUrl(request, startId), status),
            { State: FineTuneStartState.Faulted } => ApiError.Logged(
                logger,
                StatusCodes.Status500InternalServerError,
                "fine_tune_start_failed",
                "The fine-tuning start failed; send the same POST again to resume it. The details are in the log under the correlation id.",
                $"start {startId}: {status.Fault}"),
            _ => TypedResults.Ok(status),
        };
    }

    /// <summary>Every recorded job, oldest first, as last checked.</summary>
    public async Task<Ok<FineTuneJobList>> ListAsync(
        HttpRequest request,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(new FineTuneJobList(await fineTuning.ListAsync(cancellationToken)));

    private static string StatusUrl(HttpRequest request, string startId) =>
        ApiUrls.Absolute(request, $"/api/fine-tune/starts/{startId}");

    private static JsonHttpResult<ApiErrorBody> Invalid(string message) => ApiError.Json(StatusCodes.Status400BadRequest, "invalid_request", message);

    private sealed record StartRequest(string? BaseModel, string? Suffix, string? Source, int? ValidationPercent);
}
