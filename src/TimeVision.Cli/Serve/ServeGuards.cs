using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.Pipeline;

namespace TimeVision.Cli.Serve;

/// <summary>
/// What <c>timevision serve</c> checks before an endpoint runs, in this order: the <c>Host</c> is its own
/// (<see cref="ServeAddresses"/>), the caller's token and role (<see cref="ServeAccess"/>), and a body no larger than
/// <c>Pipeline:MaxPdfBytes</c>, chunked or not. The cross-site and body-type rules are the endpoint table's own filter
/// (<see cref="Api.Endpoints.ApiEndpointRouteBuilderExtensions.MapTimeVisionApi"/>).
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
        app.Use(LimitBody);
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
