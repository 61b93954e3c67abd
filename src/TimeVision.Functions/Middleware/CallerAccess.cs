using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Options;
using TimeVision.Functions.Triggers;

namespace TimeVision.Functions.Middleware;

/// <summary>
/// Who may call which HTTP function. The functions are anonymous to the Functions host (a browser cannot hold a
/// function key); the platform's sign-in with Microsoft Entra ID (App Service or Container Apps authentication) signs
/// every caller in at the front door, people in the browser and machine clients with a client-credentials token alike,
/// and passes the principal on in <c>X-MS-CLIENT-PRINCIPAL</c>, a header it strips from what callers send. That header
/// is believed only where <see cref="PlatformSignInEvidence"/> shows the sign-in is on: without it nothing strips a
/// forged one. Every API call needs that principal (401 <c>sign_in_required</c>), and an <see cref="AdminOnlyAttribute"/>
/// function its admin app role (403 <c>admin_role_required</c>). In <c>closed</c> mode, and in <c>platform</c> mode
/// without the sign-in, every API call is 401. The page and its assets need no check here: they hold no data, and the
/// page says how to turn sign-in on when the API answers <c>sign_in_not_configured</c>.
/// </summary>
public sealed class CallerAccess(IOptions<AccessOptions> options) : IFunctionsWorkerMiddleware
{
    /// <summary>The answer's code when no sign-in is set up (<c>closed</c> mode).</summary>
    public const string SignInNotConfigured = "sign_in_not_configured";

    /// <summary>The answer's code in <c>platform</c> mode when nothing shows the platform's sign-in is on.</summary>
    public const string PlatformSignInOff = "platform_sign_in_off";

    /// <summary>The header App Service authentication passes the signed-in principal in (base64 JSON).</summary>
    public const string PrincipalHeader = ClientPrincipal.Header;

    /// <summary>What shows the platform's sign-in is on, read once: the environment does not change while the process runs.</summary>
    private readonly PlatformSignIn _signIn = PlatformSignInEvidence.Of(Environment.GetEnvironmentVariable, options.Value);

    private static readonly Dictionary<string, Rule> Rules = typeof(CallerAccess).Assembly.GetExportedTypes()
        .SelectMany(type => type.GetMethods())
        .Where(method => method.GetCustomAttribute<FunctionAttribute>() is not null)
        .ToDictionary(
            method => method.GetCustomAttribute<FunctionAttribute>()!.Name,
            method => method.DeclaringType == typeof(WebPage) ? Rule.Page : method.GetCustomAttribute<AdminOnlyAttribute>() is null ? Rule.SignedIn : Rule.Admin,
            StringComparer.Ordinal);

    /// <summary>What an HTTP function asks of its caller.</summary>
    public enum Rule
    {
        /// <summary>The page and its assets: nothing here.</summary>
        Page,

        /// <summary>A signed-in caller.</summary>
        SignedIn,

        /// <summary>A signed-in caller with the admin app role.</summary>
        Admin,
    }

    /// <summary>The rule of a function, by its name (<see cref="Rule.SignedIn"/> for one this class does not know).</summary>
    /// <param name="function">The function's name.</param>
    public static Rule RuleOf(string function) => Rules.GetValueOrDefault(function, Rule.SignedIn);

    /// <summary>Answers the call itself when the caller may not make it.</summary>
    /// <param name="context">The invocation.</param>
    /// <param name="next">The function and the middleware after this one.</param>
    /// <returns>When the answer is written.</returns>
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.GetHttpContext() is { } http && Refusal(http.Request, RuleOf(context.FunctionDefinition.Name), options.Value, _signIn) is { } refusal)
        {
            await refusal.ExecuteResultAsync(new ActionContext(http, new RouteData(), new ActionDescriptor()));
            return;
        }

        await next(context);
    }

    /// <summary>The answer for a caller who may not make this call, or <see langword="null"/> to let it through.</summary>
    /// <param name="request">The request, with the principal the platform passed on.</param>
    /// <param name="rule">What the function asks.</param>
    /// <param name="access">The access settings.</param>
    /// <param name="signIn">What shows the platform's sign-in is on (<see cref="PlatformSignInEvidence.Of"/>).</param>
    public static ObjectResult? Refusal(HttpRequest request, Rule rule, AccessOptions access, PlatformSignIn signIn)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(access);
        if (rule == Rule.Page || access.IsOpen)
        {
            return null;
        }

        if (access.IsClosed)
        {
            return ApiError.Result(
                StatusCodes.Status401Unauthorized, SignInNotConfigured, "Sign-in is not set up for this deployment: give it an app registration (AUTH_CLIENT_ID) and provision again, as the README's deploy section says.");
        }

        if (signIn == PlatformSignIn.None)
        {
            return ApiError.Result(
                StatusCodes.Status401Unauthorized, PlatformSignInOff, "The platform's sign-in is not on for this app, so no caller can be known: turn on its authentication with Microsoft Entra ID (src/docs/deploy.md, Sign-in).");
        }

        if (RolesOf(request) is not { } roles)
        {
            return ApiError.Result(
                StatusCodes.Status401Unauthorized, "sign_in_required", "Sign in with Microsoft Entra ID (or send a token for this app's client id) to use the API.");
        }

        return rule == Rule.Admin && !roles.Contains(access.AdminRole, StringComparer.Ordinal)
            ? ApiError.Result(StatusCodes.Status403Forbidden, "admin_role_required", $"This action needs the app role {access.AdminRole}.")
            : null;
    }

    /// <summary>The signed-in principal's app roles, or <see langword="null"/> when no principal was passed on.</summary>
    private static IReadOnlyList<string>? RolesOf(HttpRequest request) => ClientPrincipal.Read(request)?.Roles;
}
