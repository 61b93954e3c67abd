using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using TimeVision.Api.Access;

namespace TimeVision.Api.Handlers;

/// <summary>
/// <c>GET /api/caller</c>: <c>{"role": "admin"|"estimator"}</c>, what the host decided this caller may do
/// (<see cref="CallerRole"/>), so the page shows the admin's actions to the admin only. The API refuses them to anyone
/// else whatever the page shows.
/// </summary>
public static class CallerApi
{
    /// <summary>The caller's role.</summary>
    /// <param name="request">The request.</param>
    public static Ok<CallerRole> Get(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return TypedResults.Ok(CallerRole.Of(request.HttpContext));
    }
}
