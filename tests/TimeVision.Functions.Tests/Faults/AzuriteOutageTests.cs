using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Storage;
using TimeVision.Testing;
using TimeVision.Testing.LocalServices;

namespace TimeVision.Functions.Tests.Faults;

/// <summary>
/// Azurite stopped and started again while a document runs, on a private Azurite that keeps its blobs on disk, as
/// storage keeps them through a real outage. The run resumes when storage is back within its retries, or fails cleanly
/// when it is not; posting the PDF again then completes it; an unfinished run is never served as an estimate. The pages
/// go one at a time so the outage, which starts at the first page's model call, meets the second page's render. Each
/// blob operation in an outage fails only after the storage client's own retries, here as many as the app's but
/// milliseconds apart (<see cref="ShortRetryBlobStore"/>): nothing waits on a clock.
/// </summary>
[Collection(FaultsGroup.Name)]
public sealed class AzuriteOutageTests(CosmosFixture cosmos)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_outage_longer_than_the_retries_fails_the_run_cleanly_and_posting_again_after_the_restart_completes_it()
    {
        await using var storage = await PrivateAzurite.StartAsync(Token);
        var settings = OnePageAtATime();
        settings["Pipeline:ActivityAttempts"] = "1"; // the storage client's retries are the run's whole budget: no durable retry
        await using var harness = await FunctionsHarness.StartAsync(
            storage.Fixture, cosmos, settings: settings, configureServices: services => ShortRetryBlobStore.Use(services, storage.Fixture));
        var outage = harness.StopAtFirstModelCall(storage.Service);
        var pdf = TestPdfs.WithPageSizes((411, 210), (411, 220));

        var id = (await harness.PostAsync(pdf)).GetProperty("id").GetString()!;
        var run = await harness.WaitAsync(id, TimeSpan.FromMinutes(2));
        await outage;
        var duringOutage = await harness.GetAsync(id);
        await storage.Service.StartAsync(Token);
        var keptThroughTheOutage = await harness.Services.GetRequiredService<IBlobStore>().ExistsAsync(BlobReference.Drawing(id), Token);
        var afterRestart = await harness.GetAsync(id);
        var again = await harness.PostAsync(pdf);
        await harness.WaitAsync(id);
        var completed = await harness.StoredAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, run.RuntimeStatus);
        Assert.Equal((500, "pipeline_failed"), (HarnessCalls.StatusCode(duringOutage), HarnessCalls.ErrorCode(duringOutage)));
        Assert.True(keptThroughTheOutage); // the PDF stored before the outage
        Assert.Equal((500, "pipeline_failed"), (HarnessCalls.StatusCode(afterRestart), HarnessCalls.ErrorCode(afterRestart)));
        Assert.True(again.GetProperty("started").GetBoolean());
        Assert.Equal((DocumentStatus.Completed, 2), (completed.Status, completed.PageCount));
        await harness.AssertEachPageReachedTheModelOnceAsync([completed]); // page 1's answer was stored before the outage
    }

    [Fact]
    public async Task An_outage_within_the_activity_retries_is_ridden_out_and_the_run_completes_by_itself()
    {
        await using var storage = await PrivateAzurite.StartAsync(Token);
        var restarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        FailureWatchingBlobStore? blobs = null;
        await using var harness = await FunctionsHarness.StartAsync(
            storage.Fixture, cosmos, settings: OnePageAtATime(),
            configureServices: services =>
            {
                ShortRetryBlobStore.Use(services, storage.Fixture);
                FailureWatchingBlobStore.Replace(services, watched => (blobs = watched).HoldAfterFirstFailureUntil(restarted.Task));
            });
        var outage = harness.StopAtFirstModelCall(storage.Service);

        var id = (await harness.PostAsync(TestPdfs.WithPageSizes((412, 210), (412, 220)))).GetProperty("id").GetString()!;
        await outage;
        await blobs!.FirstFailure.WaitAsync(TimeSpan.FromMinutes(1), Token);
        await storage.Service.StartAsync(Token);
        restarted.SetResult(); // the activity's retry, held until now, meets storage again
        var run = await harness.WaitAsync(id, TimeSpan.FromMinutes(2));
        var completed = await harness.StoredAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        Assert.True(blobs.Failures >= 1);
        Assert.Equal((DocumentStatus.Completed, 2, 0), (completed.Status, completed.PageCount, completed.Retries));
        await harness.AssertEachPageReachedTheModelOnceAsync([completed]);
    }

    /// <summary>One page at a time; a failed activity is tried again at once.</summary>
    private static Dictionary<string, string?> OnePageAtATime() => new()
    {
        ["Pipeline:MaxPagesInFlight"] = "1",
        ["Pipeline:ActivityFirstRetry"] = "00:00:00.100",
    };
}
