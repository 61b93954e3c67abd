using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Learning.History;
using TimeVision.Core.Learning.History.Durable;
using TimeVision.Core.Storage;
using TimeVision.Testing;

namespace TimeVision.Hosting.Local.Tests;

/// <summary>Core's durable tasks on the local engine, registered as <c>estimate</c>, <c>serve</c> and the tests register them.</summary>
public sealed class LocalDurableTaskTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stopping_the_host_cancels_the_activity_it_is_running()
    {
        using var data = new TempFolder();
        var blobs = new HeldBlobStore();
        await using var engine = await LocalDurableEngine.StartAsync(2, Token);
        using var host = Host(data, blobs, engine);
        await host.StartAsync(Token);
        var importId = $"{HistoryImports.IdPrefix}held";
        var input = new HistoryImportInput(
            importId, HistoryImports.TimesBlob(importId), new HistoryImportOptionsRequest(LabelAggregation.Median, FeedbackSource.Actual, DryRun: true, "times.csv"),
            "request-hash", ActivityAttempts: 1, ActivityFirstRetry: TimeSpan.FromSeconds(1));
        await host.Services.GetRequiredService<DurableTaskClient>().ScheduleNewHistoryImportInstanceAsync(input, new StartOrchestrationOptions(importId), Token);

        // The import's activity is reading the times file, and holds there.
        var activityToken = await blobs.Held.Task.WaitAsync(Token);
        Assert.False(activityToken.IsCancellationRequested);

        await host.StopAsync(Token);

        Assert.True(activityToken.IsCancellationRequested);
    }

    private static IHost Host(TempFolder data, IBlobStore blobs, LocalDurableEngine engine)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = data.Path });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = data.Path });
        builder.Services.AddTimeVisionCore();
        builder.Services.AddSingleton<IBlobStore>(blobs);
        builder.Services.AddLocalDurableTask(new LocalEngineSlot { Engine = engine });
        return builder.Build();
    }
}
