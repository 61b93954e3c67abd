using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TimeVision.Api.Endpoints;
using TimeVision.Api.Http;
using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Estimating.Pipeline.Recovery;
using TimeVision.Hosting.Local;

namespace TimeVision.Cli.Serve;

/// <summary>
/// The web app behind <c>timevision serve</c>: Core on this machine's stores, the local Durable Task engine running the
/// pipeline, and every endpoint of the HTTP API's table (the API and the page, <see cref="Api.Endpoints.ApiEndpoints"/>)
/// on Kestrel, with the same security headers, the same error shape for anything unhandled, the table's cross-site
/// rules, and the checks of <see cref="ServeGuards"/> (its own host names, the access tokens and roles, the body limit).
/// </summary>
internal sealed class ServeHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly LocalDurableEngine _engine;

    private ServeHost(WebApplication app, LocalDurableEngine engine, Uri address)
    {
        _app = app;
        _engine = engine;
        Address = address;
    }

    /// <summary>Where it listens, e.g. <c>http://127.0.0.1:7071/</c>.</summary>
    public Uri Address { get; }

    /// <summary>The app's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Builds and starts the app.</summary>
    /// <param name="settings">Where to listen and the token.</param>
    /// <param name="overrides">Configuration from the command line, over <c>appsettings.json</c> and the environment.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <param name="configureServices">Services a test puts in place of the app's (a clock, say).</param>
    /// <exception cref="OptionsValidationException">A setting is invalid.</exception>
    /// <exception cref="DataFolderInUseException">Another process runs documents on the data folder.</exception>
    public static async Task<ServeHost> StartAsync(
        ServeSettings settings, IReadOnlyDictionary<string, string?> overrides, CancellationToken cancellationToken, Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var slot = new LocalEngineSlot();
        var app = Build(settings, overrides, slot, configureServices);
        try
        {
            app.Services.GetRequiredService<LocalRecovery>().LockDataFolder();
        }
        catch (DataFolderInUseException)
        {
            await app.DisposeAsync();
            throw;
        }

        var engine = await slot.StartAsync(app.Services, cancellationToken);
        try
        {
            app.Use((context, next) =>
            {
                SecurityHeaders.Apply(context.Response);
                return next(context);
            });
            app.Use(AnswerUnhandled);
            app.UseServeGuards(settings);

            app.MapTimeVisionApi();
            await app.StartAsync(cancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new ServeHost(app, engine, new Uri(address.EndsWith('/') ? address : address + "/"));
        }
        catch
        {
            // The Durable Task worker may have started before Kestrel failed to bind: stop it before its engine goes.
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
            await engine.DisposeAsync();
            throw;
        }
    }

    /// <summary>The app's services on Kestrel: Core, the local recovery and retry timer, and the Durable Task worker and client on <paramref name="slot"/>.</summary>
    private static WebApplication Build(
        ServeSettings settings, IReadOnlyDictionary<string, string?> overrides, LocalEngineSlot slot, Action<IServiceCollection>? configureServices)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // A start that fails (a port in use) is answered by the command in one line; the host would log its stack too.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(settings.Address, settings.Port));
        builder.Services.AddTimeVisionCore().AddTimeVisionApi();

        // Before anything runs: the data folder's lock, old .partial files removed, interrupted runs resumed; then the retry timer.
        builder.Services.AddLocalRecovery().AddHostedService<RetrySweepService>();
        configureServices?.Invoke(builder.Services);

        // Every durable task of Core: an upload, a fine-tuning start and a history import started through the API run here as they do in Azure.
        builder.Services.AddLocalDurableTask(slot);
        var app = builder.Build();
        return app;
    }

    /// <summary>Waits until the app is told to stop (Ctrl+C, SIGTERM) or <paramref name="cancellationToken"/> is cancelled.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        await _engine.DisposeAsync();
    }

    /// <summary>An exception no endpoint answered gets the API's error shape, as in the Functions app (<see cref="UnhandledErrors"/>).</summary>
    private static async Task AnswerUnhandled(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            // Kestrel's body limit (ServeGuards), met by a chunked body or one longer than it said.
            var limit = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            await ApiError.Json(
                StatusCodes.Status413PayloadTooLarge, IntakeError.TooLarge, string.Create(
                    System.Globalization.CultureInfo.InvariantCulture, $"The request body is larger than the {limit / (1024 * 1024)} MB this server takes (Pipeline:MaxPdfBytes)."),
                Core.Json.MessageParams.Of(("limitMb", limit / (1024 * 1024)))).ExecuteAsync(context);
        }
        catch (Exception exception) when (exception is not OperationCanceledException && !context.Response.HasStarted)
        {
            var logger = context.RequestServices.GetRequiredService<ILogger<ServeHost>>();
            var where = context.GetEndpoint()?.DisplayName ?? context.Request.Path.ToString();
            await UnhandledErrors.Answer(logger, where, exception).ExecuteAsync(context);
        }
    }
}
