using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using TimeVision.Api.Http;

namespace TimeVision.Functions.Middleware;

/// <summary>Sets <see cref="SecurityHeaders"/> on every HTTP function's answer, as <c>timevision serve</c> does.</summary>
public sealed class SecurityHeadersMiddleware : IFunctionsWorkerMiddleware
{
    /// <summary>Sets the headers, then runs the function.</summary>
    /// <param name="context">The invocation.</param>
    /// <param name="next">The function and the middleware after this one.</param>
    /// <returns>When the function is done.</returns>
    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.GetHttpContext() is { } http)
        {
            SecurityHeaders.Apply(http.Response);
        }

        return next(context);
    }
}
