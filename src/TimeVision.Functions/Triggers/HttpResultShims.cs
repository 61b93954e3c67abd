using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace TimeVision.Functions.Triggers;

/// <summary>
/// A handler's typed result (<see cref="IResult"/>) as the <see cref="IActionResult"/> the isolated worker's ASP.NET Core
/// integration executes: the shims return it, and it executes the result on the request as <c>timevision serve</c> does.
/// </summary>
internal static class HttpResultShims
{
    /// <summary>The typed result, to be executed by the Functions host.</summary>
    /// <typeparam name="TResult">The handler's result type.</typeparam>
    /// <param name="answer">The handler's answer.</param>
    public static async Task<IActionResult> AsActionResultAsync<TResult>(this Task<TResult> answer)
        where TResult : IResult
    {
        ArgumentNullException.ThrowIfNull(answer);
        return new Executed(await answer);
    }

    /// <summary>The typed result, to be executed by the Functions host.</summary>
    /// <param name="answer">The handler's answer.</param>
    public static IActionResult AsActionResult(this IResult answer) => new Executed(answer);

    private sealed class Executed(IResult result) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
    }
}
