using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using TimeVision.Api.Access;

namespace TimeVision.Functions.Middleware;

/// <summary>
/// Applies <see cref="CrossSiteRequests"/> to every HTTP function, with the body type of the function's entry in the
/// endpoint table (<see cref="Api.Endpoints.ApiEndpoints"/>, by the function's name).
/// </summary>
public sealed class CrossSiteMiddleware : IFunctionsWorkerMiddleware
{
    /// <summary>Answers the call itself when another site sent it or its body is not of the endpoint's type.</summary>
    /// <param name="context">The invocation.</param>
    /// <param name="next">The function and the middleware after this one.</param>
    /// <returns>When the answer is written.</returns>
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.GetHttpContext() is { } http && CrossSiteRequests.Refusal(http.Request, context.FunctionDefinition.Name) is { } refusal)
        {
            await refusal.ExecuteAsync(http);
            return;
        }

        await next(context);
    }
}
