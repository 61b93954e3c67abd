using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TimeVision.Api.Access;

namespace TimeVision.Api.Endpoints;

/// <summary>Maps <see cref="ApiEndpoints"/> onto an ASP.NET Core app (<c>timevision serve</c>), with the cross-site and body-type rules as an endpoint filter.</summary>
public static class ApiEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps every endpoint of the table with its route, methods and handler in one route group whose filter answers a
    /// cross-site request or a body of the wrong type before the handler runs (<see cref="CrossSiteRequests"/>); each
    /// endpoint carries its <see cref="ApiEndpoint"/> as metadata (<see cref="Of"/>) for the host's access check.
    /// </summary>
    /// <param name="routes">The app's route builder.</param>
    /// <returns>The group, for the host to add its own filters to.</returns>
    public static RouteGroupBuilder MapTimeVisionApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(string.Empty);
        group.AddEndpointFilter(RefuseCrossSiteAsync);
        foreach (var endpoint in ApiEndpoints.All)
        {
            group.MapMethods(endpoint.Route, endpoint.Methods, endpoint.Handler)
                .WithName(endpoint.Name)
                .WithMetadata(endpoint);
        }

        return group;
    }

    /// <summary>The table's entry for the endpoint a request was routed to, or <see langword="null"/> when none matched.</summary>
    /// <param name="context">The request.</param>
    public static ApiEndpoint? Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.GetEndpoint()?.Metadata.GetMetadata<ApiEndpoint>();
    }

    private static async ValueTask<object?> RefuseCrossSiteAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next) =>
        Of(invocation.HttpContext) is { } endpoint && CrossSiteRequests.Refusal(invocation.HttpContext.Request, endpoint) is { } refusal
            ? refusal
            : await next(invocation);
}
