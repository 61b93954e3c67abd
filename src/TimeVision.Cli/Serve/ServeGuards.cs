using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TimeVision.Core.Pipeline;
using TimeVision.Functions.Middleware;

namespace TimeVision.Cli.Serve;

/// <summary>
/// What <c>timevision serve</c> checks before a function runs, in this order: the <c>Host</c> is its own
/// (<see cref="ServeAddresses"/>), the caller's token and role (<see cref="ServeAccess"/>), the Functions app's
/// cross-site and content-type rules (<see cref="CrossSiteRequests"/>, the same code), and a body no larger than
/// <c>Pipeline:MaxPdfBytes</c>, chunked or not.
/// </summary>
internal static class ServeGuards
{
    /// <summary>Adds the checks to the app's pipeline (after the security headers and the error shape).</summary>
    /// <param name="app">The app.</param>
    /// <param name="settings">Where it listens and its tokens.</param>
    public static void UseServeGuards(this WebApplication app, ServeSettings settings)
    {
        app.Use(new ServeAddresses(settings.Address).InvokeAsync);
        app.Use(new ServeAccess(settings).InvokeAsync);
        app.Use(RefuseCrossSite);
        app.Use(LimitBody);
    }

    private static async Task RefuseCrossSite(HttpContext context, RequestDelegate next)
    {
        if (FunctionEndpoints.Of(context) is { } function && CrossSiteRequests.Refusal(context.Request, function.Name) is { } refusal)
        {
            await refusal.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
            return;
        }

        await next(context);
    }

    /// <summary>
    /// Kestrel's own limit (30 MB) would cut a valid PDF short; the body limit is the PDF cap instead, and a body
    /// past it is 413 (<see cref="ServeHost"/> answers Kestrel's error so).
    /// </summary>
    private static Task LimitBody(HttpContext context, RequestDelegate next)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = context.RequestServices.GetRequiredService<IOptionsMonitor<PipelineOptions>>().CurrentValue.MaxPdfBytes;
        }

        return next(context);
    }
}
