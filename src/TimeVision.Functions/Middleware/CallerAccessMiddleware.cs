using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Options;
using TimeVision.Api.Access;

namespace TimeVision.Functions.Middleware;

/// <summary>
/// Applies <see cref="CallerAccess"/> to every HTTP function, with the rule of the function's entry in the endpoint
/// table (<see cref="Api.Endpoints.ApiEndpoints"/>, by the function's name): a caller who may not make the call is
/// answered here and the function does not run.
/// </summary>
public sealed class CallerAccessMiddleware : IFunctionsWorkerMiddleware
{
    private readonly AccessOptions _access;

    /// <summary>What shows the platform's sign-in is on, read once: the environment does not change while the process runs.</summary>
    private readonly PlatformSignIn _signIn;

    /// <summary>Reads the access settings, and the platform's sign-in from the process environment.</summary>
    /// <param name="options">The access settings.</param>
    public CallerAccessMiddleware(IOptions<AccessOptions> options)
        : this(options, Environment.GetEnvironmentVariable)
    {
    }

    /// <summary>Reads the access settings, and the platform's sign-in from <paramref name="environment"/> (a test's).</summary>
    internal CallerAccessMiddleware(IOptions<AccessOptions> options, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        _access = options.Value;
        _signIn = PlatformSignInEvidence.Of(environment, _access);
    }

    /// <summary>Answers the call itself when the caller may not make it.</summary>
    /// <param name="context">The invocation.</param>
    /// <param name="next">The function and the middleware after this one.</param>
    /// <returns>When the answer is written.</returns>
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.GetHttpContext() is { } http
            && CallerAccess.Refusal(http.Request, CallerAccess.RuleOf(context.FunctionDefinition.Name), _access, _signIn) is { } refusal)
        {
            await refusal.ExecuteAsync(http);
            return;
        }

        await next(context);
    }
}
