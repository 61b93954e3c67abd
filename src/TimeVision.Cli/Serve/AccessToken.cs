using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace TimeVision.Cli.Serve;

/// <summary>
/// The token <c>timevision serve --listen</c> asks of every request: in <c>Authorization: Bearer …</c> (scripts), or in
/// the <see cref="CookieName"/> cookie, which the page gets by being opened once with <c>?token=…</c> (the link
/// <c>serve</c> prints): the answer sets the cookie (HttpOnly, SameSite=Strict, so no other site's page can send it) and
/// sends the browser on to the same address without the token. Any other request is 401.
/// </summary>
/// <param name="token">The token.</param>
internal sealed class AccessToken(string token)
{
    /// <summary>The cookie that carries the token for the page.</summary>
    public const string CookieName = "timevision_token";

    private readonly byte[] _expected = Encoding.UTF8.GetBytes(token);

    /// <summary>A new random token (32 bytes, base64url).</summary>
    public static string Generate() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Lets a request with the token through; answers any other with 401.</summary>
    /// <param name="context">The request.</param>
    /// <param name="next">The rest of the app.</param>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Request.Query["token"].FirstOrDefault() is { } given && Matches(given) && HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.Cookies.Append(CookieName, given, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps,
                Path = "/",
            });
            context.Response.Redirect(context.Request.PathBase + context.Request.Path);
            return;
        }

        if (Matches(Bearer(context.Request)) || Matches(context.Request.Cookies[CookieName]))
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        await context.Response.WriteAsJsonAsync(new
        {
            error = new
            {
                code = "token_required",
                message = "This server asks for its access token: open the link timevision serve printed, or send Authorization: Bearer <token>.",
                correlationId = context.TraceIdentifier,
            },
        });
    }

    private static string? Bearer(HttpRequest request) =>
        request.Headers.Authorization.FirstOrDefault() is { } header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim()
            : null;

    private bool Matches(string? given) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), _expected);
}
