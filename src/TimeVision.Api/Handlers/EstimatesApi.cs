using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using TimeVision.Api.Http;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Storage;

namespace TimeVision.Api.Handlers;

/// <summary>
/// <c>POST /api/estimates</c> takes a PDF and answers 202 with the document id; <c>GET /api/estimates/{id}</c> answers
/// 202 with progress while it runs, 200 with the stored document estimate when done, 404 when unknown;
/// <c>POST /api/estimates/{id}/retry</c> runs again the pages that failed for a cause a retry can fix. Each answers 503
/// <c>storage_unavailable</c> while Blob Storage or Cosmos DB cannot be reached (<see cref="StorageOutage"/>).
/// </summary>
/// <param name="intake">Stores uploads and starts orchestrations.</param>
/// <param name="estimates">The stored document estimates.</param>
/// <param name="time">The clock a <c>Retry-After</c> counts from.</param>
/// <param name="logger">Logs what callers are not shown, under their correlation id.</param>
public sealed class EstimatesApi(DocumentIntake intake, IEstimateStore estimates, TimeProvider time, ILogger<EstimatesApi> logger)
{
    /// <summary>
    /// Accepts a PDF (<c>Content-Type: application/pdf</c>; file name in <c>X-File-Name</c> or <c>?name=</c>;
    /// <c>?force=true</c> estimates a stored one again). 202 with the id and what the intake did; 400 not a PDF,
    /// 413 larger than <c>Pipeline:MaxPdfBytes</c>, 429 <c>daily_budget_spent</c> (with <c>Retry-After</c>) when today's
    /// <c>Vision:DailyBudgetUsd</c> is spent, 503 <c>missing_api_key</c> when a model is named but cannot be reached.
    /// </summary>
    public Task<Results<Accepted<EstimateAccepted>, JsonHttpResult<ApiErrorBody>>> PostAsync(
        HttpRequest request,
        DurableTaskClient client,
        CancellationToken cancellationToken) =>
        StorageOutageAnswer.UnlessStorageIsDownAsync(logger, nameof(EstimatesApi), () => SubmitAsync(request, client, cancellationToken));

    private async Task<Results<Accepted<EstimateAccepted>, JsonHttpResult<ApiErrorBody>>> SubmitAsync(HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsPdfContentType(request.ContentType))
        {
            return ApiError.Json(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type", $"Send the PDF as Content-Type: application/pdf (got '{request.ContentType}').");
        }

        if (request.ContentLength is { } length && intake.CheckSize(length) is { } tooLarge)
        {
            return ApiError.Json(StatusCodes.Status413PayloadTooLarge, IntakeError.TooLarge, tooLarge.Message, tooLarge.Params);
        }

        var force = string.Equals(request.Query["force"], "true", StringComparison.OrdinalIgnoreCase);
        var outcome = await intake.SubmitUploadAsync(request.Body, FileName(request), force, client, cancellationToken);
        return outcome.Error is { } error ? Refused(request, error) : Accepted(request, outcome);
    }

    /// <summary>
    /// Runs again the stored document's pages that failed for a cause a retry can fix (an outage, a timeout, a rate
    /// limit, a wrong key, an unknown model, a rejected parameter). 202 when started or already running; 200 with
    /// <c>started: false</c> when no page needs it; 404 when unknown; 429 <c>daily_budget_spent</c>; 503 <c>missing_api_key</c>.
    /// </summary>
    public Task<Results<Accepted<EstimateAccepted>, Ok<EstimateRetryNotNeeded>, JsonHttpResult<ApiErrorBody>>> RetryAsync(
        HttpRequest request,
        string id,
        DurableTaskClient client,
        CancellationToken cancellationToken) =>
        StorageOutageAnswer.UnlessStorageIsDownAsync(logger, nameof(EstimatesApi), () => RetryStoredAsync(request, id, client, cancellationToken));

    private async Task<Results<Accepted<EstimateAccepted>, Ok<EstimateRetryNotNeeded>, JsonHttpResult<ApiErrorBody>>> RetryStoredAsync(HttpRequest request, string id, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcome = await intake.RetryAsync(id, client, cancellationToken);
        return outcome switch
        {
            { Error: { } error } => Refused(request, error),
            { Status: IntakeStatus.AlreadyEstimated } => TypedResults.Ok(new EstimateRetryNotNeeded(
                outcome.DocumentId,
                Started: false,
                outcome.Status,
                outcome.Notice ?? "No page failed for a cause a retry can fix; POST the PDF with ?force=true to estimate it all again.")),
            _ => Accepted(request, outcome),
        };
    }

    /// <summary>Progress (202), the stored estimate (200) or 404.</summary>
    public Task<Results<Accepted<EstimateRunning>, Ok<DocumentEstimate>, JsonHttpResult<ApiErrorBody>>> GetAsync(
        HttpRequest request,
        string id,
        DurableTaskClient client,
        CancellationToken cancellationToken) =>
        StorageOutageAnswer.UnlessStorageIsDownAsync(logger, nameof(EstimatesApi), () => ReadAsync(request, id, client, cancellationToken));

    private async Task<Results<Accepted<EstimateRunning>, Ok<DocumentEstimate>, JsonHttpResult<ApiErrorBody>>> ReadAsync(HttpRequest request, string id, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        if (!DocumentId.TryParse(id, out var parsed))
        {
            return ApiError.NoSuchDocument(id);
        }

        var documentId = parsed.Value;

        var instance = await client.GetInstanceAsync(documentId, getInputsAndOutputs: true, cancellationToken);
        if (instance?.RuntimeStatus is OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running)
        {
            return TypedResults.Accepted(
                ApiUrls.Absolute(request, $"/api/estimates/{documentId}"),
                new EstimateRunning(documentId, "running", instance.ReadCustomStatusAs<PipelineProgress>()));
        }

        var document = await estimates.GetAsync(documentId, cancellationToken);
        if (document is not null)
        {
            request.HttpContext.Response.Headers.ETag = document.ETag;
            return TypedResults.Ok(document);
        }

        return instance?.RuntimeStatus is OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated
            ? ApiError.Logged(
                logger,
                StatusCodes.Status500InternalServerError,
                "pipeline_failed",
                "The estimate did not finish; POST the PDF again to start it anew. The details are in the log under the correlation id.",
                $"document {documentId}: {instance.FailureDetails?.ErrorType}: {instance.FailureDetails?.ErrorMessage ?? instance.RuntimeStatus.ToString()}")
            : ApiError.NoSuchDocument(documentId);
    }

    private JsonHttpResult<ApiErrorBody> Refused(HttpRequest request, IntakeError error)
    {
        if (error.RetryAt is { } retryAt)
        {
            var seconds = Math.Max(1, (long)Math.Ceiling((retryAt - time.GetUtcNow()).TotalSeconds));
            request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var status = error.Code switch
        {
            IntakeError.NotFound => StatusCodes.Status404NotFound,
            IntakeError.TooLarge => StatusCodes.Status413PayloadTooLarge,
            IntakeError.DailyBudgetSpent or IntakeError.BudgetBelowPageCost => StatusCodes.Status429TooManyRequests,
            IntakeError.MissingApiKey or IntakeError.NotAPageEstimator => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status400BadRequest,
        };
        return ApiError.Json(status, error.Code, error.Message, error.Params);
    }

    private static Accepted<EstimateAccepted> Accepted(HttpRequest request, IntakeOutcome outcome)
    {
        var statusUrl = ApiUrls.Absolute(request, $"/api/estimates/{outcome.DocumentId}");
        return TypedResults.Accepted(
            statusUrl,
            new EstimateAccepted(outcome.DocumentId, outcome.Started, outcome.Status, outcome.Model, outcome.RetryPages, outcome.Notice, statusUrl));
    }

    private static bool IsPdfContentType(string? contentType) =>
        contentType is not null && contentType.Split(';')[0].Trim().Equals("application/pdf", StringComparison.OrdinalIgnoreCase);

    /// <summary>The file name as sent; the intake cleans it (<see cref="FileNames.Clean"/>).</summary>
    private static string? FileName(HttpRequest request) =>
        request.Headers["X-File-Name"].FirstOrDefault() ?? request.Query["name"].FirstOrDefault();
}
