using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using TimeVision.Api.Access;
using TimeVision.Api.Http;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Storage;

namespace TimeVision.Api.Handlers;

/// <summary>
/// <c>GET /api/estimates/{id}/plan</c>: a stored estimate's process plan with the features it was made from; <c>PUT
/// /api/estimates/{id}/features</c>: the estimator's features (the contract of <c>src/docs/process-plan.md</c>), stored
/// as their own version and merged over the text layer's and the model's (<see cref="EstimatePlans"/>), answered with
/// the new plan; <c>POST /api/estimates/{id}/plan/accept</c>: the estimator's word that the plan is right, recorded with
/// the features version it was made from (<see cref="PlanAcceptance"/>); <c>POST /api/estimates/{id}/plan/replan</c>: the
/// stored features planned again with the shop's cutting data and work centres in use (<see cref="EstimateReplans"/>),
/// after an admin changed them. <c>If-Match</c> carries the estimate's
/// <c>ETag</c>; who entered them is the caller as the host vouches for them, with the name given as <c>?enteredBy=</c>
/// (<see cref="GivenName"/>). Every answer names the work centres its plan uses (<see cref="PlanWorkCentre"/>) and the
/// shop's data versions in use now (<see cref="ShopDataVersions"/>).
/// </summary>
/// <param name="plans">Finds and corrects the stored plans.</param>
/// <param name="replans">Plans the stored features again with the shop's data in use.</param>
/// <param name="workCentres">The shop's work centres in use, whose names and version the answer gives.</param>
/// <param name="cuttingData">The shop's cutting data in use, whose version the answer gives.</param>
/// <param name="logger">Logs what callers are not shown, under their correlation id.</param>
public sealed partial class EstimatePlanApi(
    EstimatePlans plans, EstimateReplans replans, IWorkCentreSource workCentres, ICuttingDataSource cuttingData, ILogger<EstimatePlanApi> logger)
{
    /// <summary>The largest features body taken.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>200 with the plan and its features; 404 <c>not_found</c> or <c>no_plan</c> (with the reason); 503 <c>storage_unavailable</c>.</summary>
    public Task<Results<JsonHttpResult<EstimatePlanAnswer>, JsonHttpResult<ApiErrorBody>>> GetAsync(
        HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return DocumentId.TryParse(id, out var documentId)
            ? StorageOutageAnswer.UnlessStorageIsDownAsync(logger, nameof(EstimatePlanApi), () => FindAsync(request, documentId.Value, cancellationToken))
            : Task.FromResult<Results<JsonHttpResult<EstimatePlanAnswer>, JsonHttpResult<ApiErrorBody>>>(ApiError.NoSuchDocument(id));
    }

    /// <summary>
    /// 200 with the new plan and the new <c>ETag</c>; 400 <c>invalid_features</c> naming the line and field; 404
    /// <c>not_found</c>; 412 <c>stale_token</c> (nothing overwritten); 413 <c>features_too_large</c>; 428 no
    /// <c>If-Match</c>; 503 <c>storage_unavailable</c>.
    /// </summary>
    public Task<Results<JsonHttpResult<EstimatePlanAnswer>, JsonHttpResult<ApiErrorBody>>> PutFeaturesAsync(
        HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        WithIfMatchAsync(request, id, "Send the estimate's ETag in If-Match.", async (documentId, ifMatch) =>
        {
            if (await RequestBody.ReadAtMostAsync(request, MaxBodyBytes, cancellationToken) is not { } json)
            {
                return ApiError.Json(StatusCodes.Status413PayloadTooLarge, "features_too_large", $"The features body is larger than {MaxBodyBytes / 1024} KB.");
            }

            var features = JsonInputFile.Parse<FeatureSet>(System.Text.Encoding.UTF8.GetString(json), "features", FeatureSetRules.Check);
            return features.Value is null
                ? ApiError.Json(StatusCodes.Status400BadRequest, "invalid_features", features.Error!.Message)
                : await StorageOutageAnswer.UnlessStorageIsDownAsync(
                    logger, nameof(EstimatePlanApi), () => CorrectAsync(request, documentId, features.Value, ifMatch, cancellationToken));
        });

    /// <summary>
    /// 200 with the plan and the new <c>ETag</c>, the acceptance recorded; 404 <c>not_found</c> or <c>no_plan</c>; 412
    /// <c>stale_token</c> (the plan changed since it was read: nothing recorded); 428 no <c>If-Match</c>; 503
    /// <c>storage_unavailable</c>.
    /// </summary>
    public Task<Results<JsonHttpResult<EstimatePlanAnswer>, JsonHttpResult<ApiErrorBody>>> AcceptAsync(
        HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        WithIfMatchAsync(request, id, "Send the ETag of the plan you accept in If-Match.", (documentId, ifMatch) =>
            StorageOutageAnswer.UnlessStorageIsDownAsync(logger, nameof(EstimatePlanApi), async () =>
                await ChangedAsync(request, await plans.AcceptAsync(documentId, GivenName.EnteredBy(request), ifMatch, cancellationToken), cancellationToken)));

    /// <summary>
    /// 200 with the plan made again from the stored features with the shop's data in use and the new <c>ETag</c>; 404
    /// <c>not_found</c> or <c>no_plan</c>; 412 <c>stale_token</c> (the estimate changed since it was read: nothing
    /// stored); 428 no <c>If-Match</c>; 503 <c>storage_unavailable</c>.
    /// </summary>
    public Task<Results<JsonHttpResult<EstimatePlanAnswer>, JsonHttpResult<ApiErrorBody>>> ReplanAsync(
        HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        WithIfMatchAsync(request, id, "Send the ETag of the plan you re-plan in If-Match.", (documentId, ifMatch) =>
            StorageOutageAnswer.UnlessStorageIsDownAsync(logger, nameof(EstimatePlanApi), async () =>
                await ChangedAsync(request, await replans.ReplanAsync(documentId, ifMatch, cancellationToken), cancellationToken)));

    /// <summary>404 for an id that is no document, 428 without <c>If-Match</c> (<paramref name="askForIfMatch"/> says what to send), else <paramref name="next"/>.</summary>
    private static Task<Results<JsonHttpResult<EstimatePlanAnswer>, JsonHttpResult<ApiErrorBody>>> WithIfMatchAsync(
        HttpRequest request, string id, string askForIfMatch, Func<string, string, Task<Results<JsonHttpResult<EstimatePlanAnswer>, JsonHttpResult<ApiErrorBody>>>> next)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!DocumentId.TryParse(id, out var documentId))
        {
            return Task.FromResult<Results<JsonHttpResult<EstimatePlanAnswer>, JsonHttpResult<ApiErrorBody>>>(ApiError.NoSuchDocument(id));
        }

        return request.Headers.IfMatch.FirstOrDefault() is { } ifMatch && !string.IsNullOrWhiteSpace(ifMatch)
            ? next(documentId.Value, ifMatch)
            : Task.FromResult<Results<JsonHttpResult<EstimatePlanAnswer>, JsonHttpResult<ApiErrorBody>>>(ApiError.Json(StatusCodes.Status428PreconditionRequired, "if_match_required", askForIfMatch));
    }

    /// <summary>A stored plan's change (an acceptance, a re-plan) as its answer: 200 with the new <c>ETag</c>, 412, or 404.</summary>
    private async Task<Results<JsonHttpResult<EstimatePlanAnswer>, JsonHttpResult<ApiErrorBody>>> ChangedAsync(HttpRequest request, StoredPlanChangeResult result, CancellationToken cancellationToken)
    {
        switch (result.Outcome)
        {
            case StoredPlanChangeOutcome.Saved:
                request.HttpContext.Response.Headers.ETag = result.ETag;
                return await AnswerAsync(StoredPlan.Of(result.Document!), result.ETag, cancellationToken);
            case StoredPlanChangeOutcome.Stale:
                return ApiError.Json(StatusCodes.Status412PreconditionFailed, "stale_token", result.Message!);
            case StoredPlanChangeOutcome.NoPlan:
                return ApiError.Json(StatusCodes.Status404NotFound, StoredPlanLookup.NoPlan, result.Message!);
            default:
                return ApiError.Json(StatusCodes.Status404NotFound, StoredPlanLookup.NotFound, result.Message!);
        }
    }

    private async Task<Results<JsonHttpResult<EstimatePlanAnswer>, JsonHttpResult<ApiErrorBody>>> FindAsync(
        HttpRequest request, string documentId, CancellationToken cancellationToken)
    {
        var found = await plans.FindAsync(documentId, cancellationToken);
        if (found.Plan is not { } stored)
        {
            return ApiError.Json(StatusCodes.Status404NotFound, found.Code!, found.Message!);
        }

        request.HttpContext.Response.Headers.ETag = found.ETag;
        return await AnswerAsync(stored, found.ETag, cancellationToken);
    }

    private async Task<Results<JsonHttpResult<EstimatePlanAnswer>, JsonHttpResult<ApiErrorBody>>> CorrectAsync(
        HttpRequest request, string documentId, FeatureSet features, string ifMatch, CancellationToken cancellationToken)
    {
        var by = GivenName.EnteredBy(request);
        var result = await plans.CorrectAsync(documentId, features, by, ifMatch, cancellationToken);
        switch (result.Outcome)
        {
            case FeatureCorrectionOutcome.Saved:
                request.HttpContext.Response.Headers.ETag = result.ETag;
                return await AnswerAsync(StoredPlan.Of(result.Document!), result.ETag, cancellationToken);
            case FeatureCorrectionOutcome.NotFound:
                return ApiError.Json(StatusCodes.Status404NotFound, "not_found", result.Message!);
            case FeatureCorrectionOutcome.Stale:
                return ApiError.Json(StatusCodes.Status412PreconditionFailed, "stale_token", result.Message!);
            default:
                return ApiError.Json(StatusCodes.Status400BadRequest, "invalid_features", $"features: {result.Message}");
        }
    }

    private async Task<JsonHttpResult<EstimatePlanAnswer>> AnswerAsync(StoredPlan stored, string? etag, CancellationToken cancellationToken)
    {
        var centres = await InUseAsync(workCentres.CurrentAsync, cancellationToken);
        var cutting = await InUseAsync(cuttingData.CurrentAsync, cancellationToken);
        var current = centres.Read && cutting.Read ? new ShopDataVersions(cutting.Value?.Version, centres.Value?.Version) : null;
        var named = PlanWorkCentre.Of(stored.Plan, centres.Value);
        return TypedResults.Json(new EstimatePlanAnswer(stored.Id, etag, stored.Features, stored.Plan, stored.Headline, named, current), PlanningJson.Options);
    }

    /// <summary>
    /// The shop's work centres or cutting data in use, to name the plan's centres and give the versions in use, or none
    /// when they cannot be read: a correction, acceptance or re-plan is stored by then, so an outage here must not answer
    /// as if it failed (the page shows the centres' ids instead, and no word of a changed shop's data).
    /// </summary>
    private async Task<(bool Read, T? Value)> InUseAsync<T>(Func<CancellationToken, Task<InputFileResult<T>>> read, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return (true, (await read(cancellationToken)).Value);
        }
        catch (Exception exception) when (StorageOutage.Is(exception))
        {
            Log.ShopDataUnavailable(logger, exception);
            return (false, null);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4120, Level = LogLevel.Warning, Message = "The shop's work centres or cutting data could not be read to name the plan's centres and give the versions in use; the answer goes without")]
        public static partial void ShopDataUnavailable(ILogger logger, Exception exception);
    }
}
