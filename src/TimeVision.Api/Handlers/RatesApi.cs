using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using TimeVision.Api.Access;
using TimeVision.Api.Http;
using TimeVision.Core.Estimating.Pricing;
using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Api.Handlers;

/// <summary>
/// <c>GET /api/rates</c> and <c>PUT /api/rates</c> (admin): the shop's rates, the work centres the planner uses with
/// their hourly rates, the coefficients and the material prices (<see cref="ShopRates"/>), as <c>timevision rates</c>
/// shows and sets them. Every <c>PUT</c> stores a new version; <c>If-Match</c> carries the <c>ETag</c> of the version
/// it changes, and the first <c>PUT</c>, over the defaults, needs none.
/// </summary>
/// <param name="rates">The rates in use and their versions.</param>
/// <param name="logger">Logs what callers are not shown, under their correlation id.</param>
public sealed partial class RatesApi(ShopRatesService rates, ILogger<RatesApi> logger)
{
    /// <summary>The largest rates body taken.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>200 with the rates in use (the <c>ETag</c> in the header once an admin stored some); 503 <c>rates_unavailable</c> or <c>storage_unavailable</c>.</summary>
    public Task<Results<JsonHttpResult<ShopRates>, JsonHttpResult<ApiErrorBody>>> GetAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return StorageOutageAnswer.UnlessStorageIsDownAsync<JsonHttpResult<ShopRates>>(logger, nameof(RatesApi), async () =>
        {
            var current = await rates.CurrentAsync(cancellationToken);
            if (current.Rates is null)
            {
                return Unavailable(current.Error!);
            }

            if (current.ETag is { } etag)
            {
                request.HttpContext.Response.Headers.ETag = etag;
            }

            return Answer(current.Rates);
        });
    }

    /// <summary>
    /// 200 with the rates as stored, their new version and <c>ETag</c>; 400 <c>invalid_rates</c> naming the line and
    /// field (also as the param <c>path</c>, <c>$.workCentres[2].labourPerHour</c>, for the page to word); 409 <c>stale_token</c> when another version was stored since the one <c>If-Match</c> names (or, without
    /// <c>If-Match</c>, since the defaults), nothing overwritten; 413 <c>rates_too_large</c>; 503 <c>storage_unavailable</c>.
    /// </summary>
    public async Task<Results<JsonHttpResult<ShopRates>, JsonHttpResult<ApiErrorBody>>> PutAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await RequestBody.ReadAtMostAsync(request, MaxBodyBytes, cancellationToken) is not { } json)
        {
            return ApiError.Json(StatusCodes.Status413PayloadTooLarge, "rates_too_large", $"The rates body is larger than {MaxBodyBytes / 1024} KB.");
        }

        var read = RatesFile.Parse(Encoding.UTF8.GetString(json), "rates");
        if (read.Value is null)
        {
            return Invalid(read.Error!.Message);
        }

        var ifMatch = request.Headers.IfMatch.FirstOrDefault();
        var by = CallerIdentity.Of(request.HttpContext)?.EnteredBy(null);
        return await StorageOutageAnswer.UnlessStorageIsDownAsync<JsonHttpResult<ShopRates>>(logger, nameof(RatesApi), async () =>
        {
            var result = await rates.SetAsync(read.Value, string.IsNullOrWhiteSpace(ifMatch) ? null : ifMatch, by, cancellationToken);
            switch (result.Outcome)
            {
                case RatesSetOutcome.Saved:
                    request.HttpContext.Response.Headers.ETag = result.ETag;
                    return Answer(result.Rates!);
                case RatesSetOutcome.Stale:
                    return ApiError.Json(StatusCodes.Status409Conflict, "stale_token", result.Message!);
                default:
                    return Invalid($"rates: {result.Message}");
            }
        });
    }

    /// <summary>503 <c>rates_unavailable</c>: the data folder's <c>work-centres.json</c> the default rates are made with was rejected.</summary>
    internal static JsonHttpResult<ApiErrorBody> Unavailable(InputFileError error) => ApiError.Json(
        StatusCodes.Status503ServiceUnavailable, QuoteProblem.RatesUnavailable, $"The rates cannot be read: the shop's work-centres file was rejected ({error.Code}): {error.Message}");

    /// <summary>400 <c>invalid_rates</c> with the message and, when it names one, the field's JSON path as the param <c>path</c>.</summary>
    private static JsonHttpResult<ApiErrorBody> Invalid(string message) => ApiError.Json(
        StatusCodes.Status400BadRequest,
        "invalid_rates",
        message,
        JsonPath().Match(message) is { Success: true } path ? new Dictionary<string, string> { ["path"] = path.Value.TrimEnd('.') } : null);

    [GeneratedRegex(@"\$[\w.\[\]]*", RegexOptions.CultureInvariant)]
    private static partial Regex JsonPath();

    private static JsonHttpResult<ShopRates> Answer(ShopRates shop) => TypedResults.Json(shop, PlanningJson.Options);
}
