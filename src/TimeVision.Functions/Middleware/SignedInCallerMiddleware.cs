using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Options;
using TimeVision.Api.Access;

namespace TimeVision.Functions.Middleware;

/// <summary>
/// Attaches the signed-in principal's name to an HTTP call (<see cref="SignedInCaller"/>), after
/// <see cref="CallerAccessMiddleware"/> has decided the principal is believed at all.
/// </summary>
/// <param name="options">The access settings.</param>
public sealed class SignedInCallerMiddleware(IOptions<AccessOptions> options) : IFunctionsWorkerMiddleware
{
    /// <summary>Attaches the principal's name, then runs the function.</summary>
    /// <param name="context">The invocation.</param>
    /// <param name="next">The function and the middleware after this one.</param>
    /// <returns>When the function is done.</returns>
    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.GetHttpContext() is { } http)
        {
            SignedInCaller.Attach(http, options.Value);
        }

        return next(context);
    }
}
