using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using TimeVision.Api.Http;

namespace TimeVision.Functions.Middleware;

/// <summary>
/// The last guard of every HTTP function: an exception none of them answered is answered with
/// <see cref="UnhandledErrors.Answer"/> (the API's error shape with a correlation id, the details in the log), as
/// <c>timevision serve</c> answers it.
/// </summary>
/// <param name="logger">Logs the details under the correlation id.</param>
public sealed class UnhandledHttpErrors(ILogger<UnhandledHttpErrors> logger) : IFunctionsWorkerMiddleware
{
    /// <summary>Runs the function; answers for it when it throws and has not started its response.</summary>
    /// <param name="context">The invocation.</param>
    /// <param name="next">The function and the middleware after this one.</param>
    /// <returns>When the response is written.</returns>
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context);
        }
        catch (Exception exception) when (exception is not OperationCanceledException && context.GetHttpContext() is { Response.HasStarted: false } http)
        {
            await UnhandledErrors.Answer(logger, context.FunctionDefinition.Name, exception).ExecuteAsync(http);
        }
    }
}
