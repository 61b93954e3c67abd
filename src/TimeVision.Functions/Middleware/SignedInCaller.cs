using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Options;

namespace TimeVision.Functions.Middleware;

/// <summary>
/// Attaches the signed-in principal's name to an HTTP call as its <see cref="CallerIdentity"/>, so a label records who
/// entered it rather than the name the client typed. It runs after <see cref="CallerAccess"/>, which decides whether
/// the principal App Service authentication passed on is believed at all; with <c>Access:Mode=open</c> (a developer's
/// machine) nobody is vouched for and nothing is attached.
/// </summary>
/// <param name="options">The access settings.</param>
public sealed class SignedInCaller(IOptions<AccessOptions> options) : IFunctionsWorkerMiddleware
{
    /// <summary>Attaches the principal's name, then runs the function.</summary>
    /// <param name="context">The invocation.</param>
    /// <param name="next">The function and the middleware after this one.</param>
    /// <returns>When the function is done.</returns>
    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!options.Value.IsOpen && context.GetHttpContext() is { } http && NameOf(http.Request) is { } name)
        {
            CallerIdentity.SignedIn(name).AttachTo(http);
        }

        return next(context);
    }

    /// <summary>
    /// The principal's name: the claim its <c>name_typ</c> names, else <c>name</c>, else <c>preferred_username</c>;
    /// <see langword="null"/> without a readable principal or name.
    /// </summary>
    /// <param name="request">The request, with the principal the platform passed on.</param>
    public static string? NameOf(HttpRequest request) => ClientPrincipal.Read(request)?.Name;
}
