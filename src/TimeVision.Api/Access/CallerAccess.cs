using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using TimeVision.Api.Endpoints;
using TimeVision.Api.Http;

namespace TimeVision.Api.Access;

/// <summary>
/// Who may call which endpoint, one rule per endpoint in <see cref="ApiEndpoints"/>, applied by both hosts. In the
/// Functions app the endpoints are anonymous to the Functions host (a browser cannot hold a function key); the
/// platform's sign-in with Microsoft Entra ID (App Service or Container Apps authentication) signs every caller in at the
/// front door, people in the browser and machine clients with a client-credentials token alike, and passes the principal
/// on in <c>X-MS-CLIENT-PRINCIPAL</c>, a header it strips from what callers send. That header is believed only where
/// <see cref="PlatformSignInEvidence"/> shows the sign-in is on: without it nothing strips a forged one. Every API call
/// needs that principal (401 <c>sign_in_required</c>), and an <see cref="Rule.Admin"/> endpoint its admin app role
/// (403 <c>admin_role_required</c>). In <c>closed</c> mode, and in <c>platform</c> mode without the sign-in, every API
/// call is 401. The page and its assets need no check: they hold no data, and the page says how to turn sign-in on when
/// the API answers <c>sign_in_not_configured</c>. <c>timevision serve</c> knows its callers by their access token
/// instead, and refuses the estimators' token on the same <see cref="Rule.Admin"/> endpoints (<see cref="AdminRefusal"/>).
/// </summary>
public static class CallerAccess
{
    /// <summary>The answer's code when no sign-in is set up (<c>closed</c> mode).</summary>
    public const string SignInNotConfigured = "sign_in_not_configured";

    /// <summary>The answer's code in <c>platform</c> mode when nothing shows the platform's sign-in is on.</summary>
    public const string PlatformSignInOff = "platform_sign_in_off";

    /// <summary>The answer's code for a caller without the admin role on an admin endpoint.</summary>
    public const string AdminRoleRequired = "admin_role_required";

    /// <summary>The header App Service authentication passes the signed-in principal in (base64 JSON).</summary>
    public const string PrincipalHeader = ClientPrincipal.Header;

    /// <summary>What an endpoint asks of its caller.</summary>
    public enum Rule
    {
        /// <summary>The page and its assets: nothing here.</summary>
        Page,

        /// <summary>A signed-in caller (a token holder in <c>timevision serve</c>).</summary>
        SignedIn,

        /// <summary>A signed-in caller with the admin app role (the admin's token in <c>timevision serve</c>).</summary>
        Admin,
    }

    /// <summary>The rule of an endpoint, by its name (<see cref="Rule.SignedIn"/> for one the table does not know).</summary>
    /// <param name="function">The endpoint's (function's) name.</param>
    public static Rule RuleOf(string function) => ApiEndpoints.Named(function)?.Rule ?? Rule.SignedIn;

    /// <summary>The answer for a caller who may not make this call, or <see langword="null"/> to let it through.</summary>
    /// <param name="request">The request, with the principal the platform passed on.</param>
    /// <param name="rule">What the endpoint asks.</param>
    /// <param name="access">The access settings.</param>
    /// <param name="signIn">What shows the platform's sign-in is on (<see cref="PlatformSignInEvidence.Of"/>).</param>
    public static JsonHttpResult<ApiErrorBody>? Refusal(HttpRequest request, Rule rule, AccessOptions access, PlatformSignIn signIn)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(access);
        if (rule == Rule.Page || access.IsOpen)
        {
            return null;
        }

        if (access.IsClosed)
        {
            return ApiError.Json(
                StatusCodes.Status401Unauthorized, SignInNotConfigured, "Sign-in is not set up for this deployment: give it an app registration (AUTH_CLIENT_ID) and provision again, as the README's deploy section says.");
        }

        if (signIn == PlatformSignIn.None)
        {
            return ApiError.Json(
                StatusCodes.Status401Unauthorized, PlatformSignInOff, "The platform's sign-in is not on for this app, so no caller can be known: turn on its authentication with Microsoft Entra ID (src/docs/deploy.md, Sign-in).");
        }

        if (ClientPrincipal.Read(request)?.Roles is not { } roles)
        {
            return ApiError.Json(
                StatusCodes.Status401Unauthorized, "sign_in_required", "Sign in with Microsoft Entra ID (or send a token for this app's client id) to use the API.");
        }

        return rule == Rule.Admin && !roles.Contains(access.AdminRole, StringComparer.Ordinal)
            ? ApiError.Json(StatusCodes.Status403Forbidden, AdminRoleRequired, $"This action needs the app role {access.AdminRole}.")
            : null;
    }

    /// <summary>
    /// <c>timevision serve</c>'s answer for a token holder on <paramref name="endpoint"/>: 403 <c>admin_role_required</c>
    /// for a <see cref="Rule.Admin"/> endpoint without the admin's token, else <see langword="null"/>.
    /// </summary>
    /// <param name="endpoint">The endpoint the request reached.</param>
    /// <param name="isAdmin">Whether the caller holds the admin's token.</param>
    public static JsonHttpResult<ApiErrorBody>? AdminRefusal(ApiEndpoint endpoint, bool isAdmin)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.Rule == Rule.Admin && !isAdmin
            ? ApiError.Json(StatusCodes.Status403Forbidden, AdminRoleRequired, "This action needs the admin's token.")
            : null;
    }
}
