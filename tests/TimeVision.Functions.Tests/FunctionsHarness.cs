using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TimeVision.Api.Handlers;
using TimeVision.Api.Http;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.Vision.Registry;
using TimeVision.Core.Learning.FineTuning;
using TimeVision.Core.Storage;
using TimeVision.Functions.Triggers;
using TimeVision.Hosting.Local;
using TimeVision.Testing.FakeOpenAI;
using TimeVision.Testing.LocalServices;

namespace TimeVision.Functions.Tests;

/// <summary>
/// The function classes with real dependencies: a real <see cref="DurableTaskClient"/> on the local Durable Task
/// engine running Core's orchestrator and activity classes (the ones the Functions app's shims run), blobs
/// in Azurite, estimates in the local Cosmos DB server, and the fake OpenAI server as the model. Azurite and the Cosmos
/// DB server are the shared ones unless the fixtures passed point elsewhere (<see cref="PrivateAzurite"/>,
/// <see cref="PrivateCosmos"/>).
/// </summary>
internal sealed class FunctionsHarness : IAsyncDisposable
{
    private readonly LocalDurableEngine _engine;
    private readonly IHost _host;

    private FunctionsHarness(LocalDurableEngine engine, IHost host, FakeOpenAIServer model, string database)
    {
        _engine = engine;
        _host = host;
        Model = model;
        Database = database;
    }

    public FakeOpenAIServer Model { get; }

    /// <summary>The Cosmos DB database holding the estimates and models containers.</summary>
    public string Database { get; }

    public IServiceProvider Services => _host.Services;

    public DurableTaskClient Client => Services.GetRequiredService<DurableTaskClient>();

    public EstimatesApi Api => ActivatorUtilities.CreateInstance<EstimatesApi>(Services);

    public DrawingBlobTrigger BlobTrigger => ActivatorUtilities.CreateInstance<DrawingBlobTrigger>(Services);

    public static async Task<FunctionsHarness> StartAsync(
        AzuriteFixture azurite,
        CosmosFixture cosmos,
        long maxPdfBytes = 50L * 1024 * 1024,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var model = await FakeOpenAIServer.StartAsync();
        model.Fallback = _ => new FakeReply.Content(SampleEstimates.ShaftJson());
        var engine = await LocalDurableEngine.StartAsync(8, CancellationToken.None);
        var client = cosmos.CreateClient(CosmosAccount.ClientOptions());
        var database = await cosmos.CreateDatabaseNameAsync(CancellationToken.None);
        var container = await CosmosEstimateStore.EnsureContainerAsync(client, database, "estimates", CancellationToken.None);
        var models = await CosmosModelRegistry.EnsureContainerAsync(client, database, "models", CancellationToken.None);

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Vision:Endpoint"] = model.BaseUrl.ToString(),
            ["Vision:ApiKey"] = FakeOpenAIServer.ApiKey,
            ["Storage:BlobConnectionString"] = azurite.ConnectionString,
            ["Storage:DataDirectory"] = Path.Combine(Path.GetTempPath(), "timevision-tests", $"functions-{Guid.NewGuid():N}"),
            ["Pipeline:MaxPdfBytes"] = maxPdfBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddTimeVisionCore();
        builder.Services.AddSingleton<IEstimateStore>(new CosmosEstimateStore(container));
        builder.Services.AddSingleton<IModelRegistry>(new CosmosModelRegistry(models));
        builder.Services.AddSingleton<IFineTuneJobStore>(new CosmosFineTuneJobStore(models));
        builder.Services.AddSingleton<TimeVision.Core.Learning.History.IHistoryStore>(new TimeVision.Core.Learning.History.CosmosHistoryStore(container));
        configureServices?.Invoke(builder.Services);
        builder.Services.AddLocalDurableTask(new LocalEngineSlot { Engine = engine });
        var host = builder.Build();
        await host.StartAsync();
        return new FunctionsHarness(engine, host, model, database);
    }

    /// <summary>A real ASP.NET Core request, as the Functions host would hand it to the function.</summary>
    public static HttpRequest Request(string method, byte[]? body = null, string? contentType = "application/pdf", bool sendLength = true)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("timevision.example");
        context.Request.ContentType = contentType;
        context.Response.Body = new MemoryStream();
        if (body is not null)
        {
            context.Request.Body = new MemoryStream(body);
            context.Request.ContentLength = sendLength ? body.Length : null;
        }

        return context.Request;
    }

    /// <summary>Waits for an orchestration to finish, at most <paramref name="timeout"/> (default 60 s).</summary>
    public async Task<OrchestrationMetadata> WaitAsync(string instanceId, TimeSpan? timeout = null)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout ?? TimeSpan.FromSeconds(60));
        return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, deadline.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _engine.DisposeAsync();
        await Model.DisposeAsync();
    }


}
