using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using TimeVision.Api.Access;
using TimeVision.Api.Http;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Estimating.ShopCuttingData;

namespace TimeVision.Api.Handlers;

/// <summary>
/// <c>GET /api/cutting-data</c> (signed in), <c>PUT /api/cutting-data</c> and <c>DELETE /api/cutting-data</c> (admin):
/// the cutting data plans use, the shop's override over the shipped values (<see cref="CuttingDataInUse"/>), as
/// <c>timevision cutting-data</c> shows, sets and resets it. Every <c>PUT</c> and <c>DELETE</c> stores a new version;
/// <c>If-Match</c> carries the <c>ETag</c> of the version it changes (<c>"0"</c> while none is stored).
/// </summary>
/// <param name="cuttingData">The cutting data in use and its versions.</param>
/// <param name="logger">Logs what callers are not shown, under their correlation id.</param>
public sealed class CuttingDataApi(ShopCuttingDataService cuttingData, ILogger<CuttingDataApi> logger)
{
    /// <summary>The largest override body taken.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>The code of cutting data that cannot be read because the override in use was rejected.</summary>
    public const string Unavailable = "cutting_data_unavailable";

    /// <summary>200 with the cutting data in use and the <c>ETag</c> in the header; 503 <c>cutting_data_unavailable</c> or <c>storage_unavailable</c>.</summary>
    public Task<Results<JsonHttpResult<CuttingDataInUse>, JsonHttpResult<ApiErrorBody>>> GetAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return StorageOutageAnswer.UnlessStorageIsDownAsync<JsonHttpResult<CuttingDataInUse>>(logger, nameof(CuttingDataApi), async () =>
            Answer(request, await cuttingData.CurrentAsync(cancellationToken)));
    }

    /// <summary>
    /// 200 with the cutting data in use after the override is stored as the next version, and its <c>ETag</c>; 400
    /// <c>invalid_cutting_data</c> naming the field (nothing stored); 412 <c>stale_token</c> when another version was
    /// stored since the one <c>If-Match</c> names (nothing overwritten); 413 <c>cutting_data_too_large</c>; 428
    /// <c>if_match_required</c>; 503 <c>storage_unavailable</c>.
    /// </summary>
    public async Task<Results<JsonHttpResult<CuttingDataInUse>, JsonHttpResult<ApiErrorBody>>> PutAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (IfMatch(request) is not { } ifMatch)
        {
            return IfMatchRequired();
        }

        if (await RequestBody.ReadAtMostAsync(request, MaxBodyBytes, cancellationToken) is not { } json)
        {
            return ApiError.Json(StatusCodes.Status413PayloadTooLarge, "cutting_data_too_large", $"The cutting-data body is larger than {MaxBodyBytes / 1024} KB.");
        }

        var by = CallerIdentity.Of(request.HttpContext)?.EnteredBy(null);
        return await StorageOutageAnswer.UnlessStorageIsDownAsync<JsonHttpResult<CuttingDataInUse>>(logger, nameof(CuttingDataApi), async () =>
            Stored(request, await cuttingData.SetAsync(Encoding.UTF8.GetString(json), ifMatch, by, cancellationToken)));
    }

    /// <summary>
    /// 200 with the cutting data in use after going back to the shipped values (with the data folder's file, if it has
    /// one), stored as the next version; 412 <c>stale_token</c>; 428 <c>if_match_required</c>; 503 <c>storage_unavailable</c>.
    /// </summary>
    public async Task<Results<JsonHttpResult<CuttingDataInUse>, JsonHttpResult<ApiErrorBody>>> DeleteAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (IfMatch(request) is not { } ifMatch)
        {
            return IfMatchRequired();
        }

        var by = CallerIdentity.Of(request.HttpContext)?.EnteredBy(null);
        return await StorageOutageAnswer.UnlessStorageIsDownAsync<JsonHttpResult<CuttingDataInUse>>(logger, nameof(CuttingDataApi), async () =>
            Stored(request, await cuttingData.ResetAsync(ifMatch, by, cancellationToken)));
    }

    private static string? IfMatch(HttpRequest request) => request.Headers.IfMatch.FirstOrDefault() is { } tag && !string.IsNullOrWhiteSpace(tag) ? tag : null;

    private static JsonHttpResult<ApiErrorBody> IfMatchRequired() => ApiError.Json(
        StatusCodes.Status428PreconditionRequired, "if_match_required", "Send the ETag of the cutting data you change in If-Match (\"0\" while no override is stored).");

    private static Results<JsonHttpResult<CuttingDataInUse>, JsonHttpResult<ApiErrorBody>> Stored(HttpRequest request, CuttingDataSetResult result) => result.Outcome switch
    {
        CuttingDataSetOutcome.Saved => Answer(request, result.Read!),
        CuttingDataSetOutcome.Stale => ApiError.Json(StatusCodes.Status412PreconditionFailed, "stale_token", result.Error!.Message),
        _ => ApiError.Json(StatusCodes.Status400BadRequest, "invalid_cutting_data", $"{result.Error!.Message} ({result.Error.Code})"),
    };

    private static Results<JsonHttpResult<CuttingDataInUse>, JsonHttpResult<ApiErrorBody>> Answer(HttpRequest request, CuttingDataRead read)
    {
        request.HttpContext.Response.Headers.ETag = read.ETag;
        return read.InUse is { } inUse
            ? TypedResults.Json(inUse, PlanningJson.Options)
            : ApiError.Json(
                StatusCodes.Status503ServiceUnavailable, Unavailable,
                $"The cutting data cannot be read: the shop's override was rejected ({read.Error!.Code}): {read.Error.Message} An admin can store a corrected one.");
    }
}
