using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using TimeVision.Api.Access;
using TimeVision.Api.Endpoints;
using TimeVision.Api.Http;

namespace TimeVision.Cli.Serve;

/// <summary>
/// Who may call what in <c>timevision serve</c>, by the endpoint table's rule for each endpoint, the one the Functions
/// app applies too (<see cref="ApiEndpoint.Rule"/>, <see cref="CallerAccess.AdminRefusal"/>: the page, any caller, the
/// admin for an admin endpoint). Without tokens (loopback) every caller is this
/// PC's user and the admin. With tokens, a request carries one, in <c>Authorization: Bearer …</c> (scripts) or in the
/// <see cref="CookieName"/> cookie, which the page gets by being opened once with <c>?token=…</c> (the links
/// <c>serve</c> prints): the answer sets the cookie (HttpOnly, SameSite=Strict) and sends the browser on to the same
/// local path without the token. The estimators' token may do all but the admin actions (403
/// <c>admin_role_required</c>); the admin's token everything; any other request is 401 <c>token_required</c>.
/// </summary>
/// <param name="settings">The tokens.</param>
internal sealed class ServeAccess(ServeSettings settings)
{
    /// <summary>The cookie that carries the token for the page.</summary>
    public const string CookieName = "timevision_token";

    /// <summary>The role of the admin's token.</summary>
    public const string AdminRole = CallerRole.AdminRole;

    /// <summary>The role of the estimators' token.</summary>
    public const string EstimatorRole = CallerRole.EstimatorRole;

    private readonly byte[]? _estimator = settings.Token is { } token ? Encoding.UTF8.GetBytes(token) : null;
    private readonly byte[]? _admin = settings.AdminToken is { } token ? Encoding.UTF8.GetBytes(token) : null;

    /// <summary>A new random token (32 bytes, base64url).</summary>
    public static string Generate() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Lets a request through as far as its token's role allows; answers any other itself.</summary>
    /// <param name="context">The request.</param>
    /// <param name="next">The rest of the app.</param>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!settings.AsksForToken)
        {
            await next(context);
            return;
        }

        if (context.Request.Query["token"].FirstOrDefault() is { } given && RoleOf(given) is not null && HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.Cookies.Append(CookieName, given, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps,
                Path = "/",
            });
            context.Response.Redirect(LocalPath(context.Request.Path));
            return;
        }

        var role = RoleOf(Bearer(context.Request)) ?? RoleOf(context.Request.Cookies[CookieName]);
        if (role is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await ApiError.Json(
                StatusCodes.Status401Unauthorized,
                "token_required",
                "This server asks for its access token: open the link timevision serve printed, or send Authorization: Bearer <token>.").ExecuteAsync(context);
            return;
        }

        if (ApiEndpointRouteBuilderExtensions.Of(context) is { } endpoint && CallerAccess.AdminRefusal(endpoint, role == AdminRole) is { } refusal)
        {
            await refusal.ExecuteAsync(context);
            return;
        }

        CallerIdentity.TokenRole(role).AttachTo(context);
        (role == AdminRole ? CallerRole.Admin : CallerRole.Estimator).AttachTo(context);
        await next(context);
    }

    /// <summary>
    /// The path to send the browser on to: the requested one, as a path on this server. <c>//evil.example/x</c> (or
    /// <c>/\evil.example</c>) would be another site to a browser, so leading slashes and backslashes collapse to one.
    /// </summary>
    public static string LocalPath(PathString path) => new PathString("/" + (path.Value ?? string.Empty).TrimStart('/', '\\')).ToUriComponent();

    private static string? Bearer(HttpRequest request) =>
        request.Headers.Authorization.FirstOrDefault() is { } header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim()
            : null;

    private string? RoleOf(string? given)
    {
        if (given is null)
        {
            return null;
        }

        var bytes = Encoding.UTF8.GetBytes(given);
        return Matches(bytes, _admin) ? AdminRole : Matches(bytes, _estimator) ? EstimatorRole : null;
    }

    private static bool Matches(byte[] given, byte[]? expected) => expected is not null && CryptographicOperations.FixedTimeEquals(given, expected);
}
