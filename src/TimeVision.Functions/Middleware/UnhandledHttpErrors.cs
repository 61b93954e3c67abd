using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using TimeVision.Core.Storage;
using TimeVision.Functions.Triggers;

namespace TimeVision.Functions.Middleware;

/// <summary>
/// The last guard of every HTTP function: an exception none of them answered becomes the API's error shape with a
/// correlation id (<c>503 storage_unavailable</c> when a store cannot be reached, <c>507 storage_full</c> when the disk is
/// full, else <c>500 internal_error</c>), and
/// its details go to the log under that id; the caller never gets a bare 500 or exception text.
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
            await Answer(logger, context.FunctionDefinition.Name, exception).ExecuteResultAsync(new ActionContext(http, new RouteData(), new ActionDescriptor()));
        }
    }

    /// <summary>
    /// What a caller gets for an exception no function answered (here and in <c>timevision serve</c>): 503
    /// <c>storage_unavailable</c>, 507 <c>storage_full</c> or 500 <c>internal_error</c>, with the details logged under the correlation id.
    /// </summary>
    /// <param name="logger">Logs the details.</param>
    /// <param name="where">The function that threw.</param>
    /// <param name="exception">What it threw.</param>
    public static ObjectResult Answer(ILogger logger, string where, Exception exception) =>
        StorageOutage.Is(exception) ? ApiError.StorageDown(logger, where, exception)
            : StorageFull.Is(exception) ? ApiError.DiskFull(logger, where, exception)
            : ApiError.Logged(
                logger,
                StatusCodes.Status500InternalServerError,
                "internal_error",
                "Something went wrong on our side. The details are in the log under the correlation id.",
                $"{where}: {exception}");
}
