using Microsoft.AspNetCore.Http;

namespace TimeVision.Api.Http;

/// <summary>
/// The headers every HTTP answer carries, in the Functions app and in <c>timevision serve</c> alike: a
/// Content-Security-Policy that allows only the app's own scripts, styles and images (no inline script, no other
/// origin), no framing (<c>frame-ancestors 'none'</c>), <c>X-Content-Type-Options: nosniff</c>, and
/// <c>Cache-Control: no-store</c> on every API answer (<c>/api/…</c>), so no browser or proxy keeps a customer's estimate;
/// a page image replaces it with <see cref="PageImageCacheControl"/>.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The Content-Security-Policy.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; connect-src 'self'; font-src 'self'; "
        + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>What API answers may be cached: nothing, anywhere.</summary>
    public const string ApiCacheControl = "no-store";

    /// <summary>
    /// What a page image may be cached: only by the caller's own browser (<c>private</c>: never a shared proxy), for a
    /// day and without asking again, since an image's URL names the PDF by its hash and the page, so it never changes;
    /// a day, not a year, so a purged drawing does not stay in the browser's cache for long.
    /// </summary>
    public const string PageImageCacheControl = "private, max-age=86400, immutable";

    /// <summary>Sets the headers on a response that has not started.</summary>
    /// <param name="response">The response.</param>
    public static void Apply(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";
        response.Headers["Referrer-Policy"] = "no-referrer";
        if (response.HttpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            response.Headers.CacheControl = ApiCacheControl;
        }
    }
}
