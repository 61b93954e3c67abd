using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace TimeVision.Api.Http;

/// <summary>
/// A handler's <see cref="IActionResult"/> as the <see cref="IResult"/> a minimal-API endpoint returns, and the
/// execution of either on a request, for answers a host gives before or instead of a handler.
/// </summary>
public static class ActionResults
{
    /// <summary>The answer as an <see cref="IResult"/>.</summary>
    /// <param name="answer">The handler's answer.</param>
    public static async Task<IResult> AsResultAsync(this Task<IActionResult> answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return new Executed(await answer);
    }

    /// <summary>The answer as an <see cref="IResult"/>.</summary>
    /// <param name="answer">The handler's answer.</param>
    public static IResult AsResult(this IActionResult answer) => new Executed(answer);

    /// <summary>Writes <paramref name="answer"/> to <paramref name="context"/>'s response.</summary>
    /// <param name="answer">The answer.</param>
    /// <param name="context">The request.</param>
    public static Task ExecuteAsync(this IActionResult answer, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(context);
        return answer.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
    }

    private sealed class Executed(IActionResult answer) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => answer.ExecuteAsync(httpContext);
    }
}
