using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using TimeVision.Api.Endpoints;
using TimeVision.Api.Http;

namespace TimeVision.Api.Access;

/// <summary>
/// What keeps another web page the estimator's browser opens from using the API, in the Functions app and in
/// <c>timevision serve</c> alike. A form or a script on any site can send a POST with a <c>text/plain</c>,
/// form-encoded or empty body without a CORS preflight, carrying the browser's cookies; so
/// <list type="bullet">
/// <item>a request whose <c>Origin</c> is not this app's own, or whose <c>Sec-Fetch-Site</c> is not
/// <c>same-origin</c> or <c>none</c>, is 403 <c>cross_site</c>; only a plain visit to the page (GET or HEAD) may come
/// from another site, so a link to it works from anywhere;</item>
/// <item>a request that changes state must send its body as the function's <see cref="ApiEndpoint.Body"/> media
/// type, and an endpoint without one takes no body: 415 <c>unsupported_media_type</c> otherwise, since no page can send
/// <c>application/json</c>, <c>application/pdf</c> or <c>text/csv</c> to another site without the preflight this app
/// never answers.</item>
/// </list>
/// Scripts and tools send neither header and pass. "This app's own" is the address the caller reached it at: the
/// <c>X-Forwarded-Host</c> the Functions host sets, else the request's <c>Host</c> (with <c>Origin</c>'s scheme).
/// </summary>
public static class CrossSiteRequests
{
    /// <summary>The code of a request refused for coming from another site.</summary>
    public const string CrossSite = "cross_site";

    /// <summary>The code of a request whose body is not of the function's media type.</summary>
    public const string UnsupportedMediaType = "unsupported_media_type";

    /// <summary>The media type <paramref name="function"/> takes its body in, or <see langword="null"/> for none.</summary>
    /// <param name="function">The endpoint's (function's) name.</param>
    public static string? MediaTypeOf(string function) => ApiEndpoints.Named(function)?.Body;

    /// <summary>The answer for a request another site sent or with the wrong body, or <see langword="null"/> to let it through.</summary>
    /// <param name="request">The request.</param>
    /// <param name="function">The name of the endpoint (function) it reached.</param>
    public static JsonHttpResult<ApiErrorBody>? Refusal(HttpRequest request, string function) =>
        ApiEndpoints.Named(function) is { } endpoint ? Refusal(request, endpoint) : Refusal(request, isPage: false, mediaType: null);

    /// <summary>The answer for a request another site sent or with the wrong body, or <see langword="null"/> to let it through.</summary>
    /// <param name="request">The request.</param>
    /// <param name="endpoint">The endpoint it reached.</param>
    public static JsonHttpResult<ApiErrorBody>? Refusal(HttpRequest request, ApiEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return Refusal(request, endpoint.IsPage, endpoint.Body);
    }

    private static JsonHttpResult<ApiErrorBody>? Refusal(HttpRequest request, bool isPage, string? mediaType)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reads = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        if (isPage && reads)
        {
            return null;
        }

        if (!IsSameOrigin(request))
        {
            return ApiError.Json(StatusCodes.Status403Forbidden, CrossSite, "This request came from another site's page; TimeVision takes requests only from its own page.");
        }

        return reads ? null : BodyRefusal(request, mediaType);
    }

    private static JsonHttpResult<ApiErrorBody>? BodyRefusal(HttpRequest request, string? mediaType)
    {
        if (mediaType is null)
        {
            return HasBody(request)
                ? ApiError.Json(StatusCodes.Status415UnsupportedMediaType, UnsupportedMediaType, "This request takes no body.")
                : null;
        }

        var sent = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
        return string.Equals(sent, mediaType, StringComparison.OrdinalIgnoreCase)
            ? null
            : ApiError.Json(StatusCodes.Status415UnsupportedMediaType, UnsupportedMediaType, $"Send the body as Content-Type: {mediaType} (got '{request.ContentType}').");
    }

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);

    /// <summary>
    /// Whether neither <c>Origin</c> nor <c>Sec-Fetch-Site</c> names another site: an absent header (scripts, old
    /// browsers on a same-origin GET) passes, <c>Origin: null</c> (a sandboxed frame, a file) does not.
    /// </summary>
    private static bool IsSameOrigin(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0 && fetchSite is not ("same-origin" or "none"))
        {
            return false;
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        return Uri.TryCreate(origin, UriKind.Absolute, out var from)
            && from.Scheme is "http" or "https"
            && Uri.TryCreate($"{from.Scheme}://{OwnHost(request)}", UriKind.Absolute, out var own)
            && string.Equals(from.Authority, own.Authority, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The host the caller reached: in Azure the Functions host forwards each call to the worker on localhost and names
    /// the public host in <c>X-Forwarded-Host</c>; <c>serve</c> is reached directly. A page cannot set that header on a
    /// request to another site without a preflight, so it cannot make its own origin look like this app's.
    /// </summary>
    private static string OwnHost(HttpRequest request) =>
        request.Headers["X-Forwarded-Host"].FirstOrDefault() is { Length: > 0 } forwarded ? forwarded.Split(',')[0].Trim() : request.Host.Value ?? string.Empty;
}
