using Microsoft.DurableTask.Client;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.Vision.Registry;
using TimeVision.Core.Storage;
using TimeVision.Testing;
using TimeVision.Testing.LocalServices;

namespace TimeVision.Functions.Tests.Faults;

/// <summary>
/// The Cosmos DB server stopped and started again while a document runs, on a private server. That server keeps its
/// data in memory only, so its restart loses every database, which a real account would not: what is asserted is what
/// holds anyway. The run fails cleanly, with the storage failure as its reason; nothing unfinished is served as an
/// estimate; and once the database is back (created again, as the app's start-up creates it) posting the PDF again
/// completes it.
/// </summary>
[Collection(FaultsGroup.Name)]
public sealed class CosmosOutageTests(AzuriteFixture azurite)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_outage_mid_run_fails_the_run_cleanly_and_after_the_restart_posting_the_pdf_again_completes_it()
    {
        await using var database = await PrivateCosmos.StartAsync(Token);
        await using var harness = await FunctionsHarness.StartAsync(azurite, database.Fixture, settings: new Dictionary<string, string?>
        {
            ["Pipeline:MaxPagesInFlight"] = "1",
            ["Pipeline:ActivityFirstRetry"] = "00:00:00.100",
        });
        var outage = harness.StopAtFirstModelCall(database.Service);
        var pdf = TestPdfs.WithPageSizes((421, 210), (421, 220));

        var id = (await harness.PostAsync(pdf)).GetProperty("id").GetString()!;
        var run = await harness.WaitAsync(id, TimeSpan.FromMinutes(2));
        await outage;
        var duringOutage = await harness.GetAsync(id);
        await database.Service.StartAsync(Token);
        await CreateContainersAgainAsync(database.Fixture, harness.Database);
        var afterRestart = await harness.GetAsync(id);
        var again = await harness.PostAsync(pdf);
        await harness.WaitAsync(id);
        var completed = await harness.StoredAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, run.RuntimeStatus);
        Assert.Equal(typeof(HttpRequestException).FullName, run.FailureDetails!.InnerFailure!.ErrorType); // the activity's own failure: no connection
        Assert.Equal((503, "storage_unavailable"), (HarnessCalls.StatusCode(duringOutage), HarnessCalls.ErrorCode(duringOutage)));
        Assert.Equal((500, "pipeline_failed"), (HarnessCalls.StatusCode(afterRestart), HarnessCalls.ErrorCode(afterRestart)));
        Assert.True(again.GetProperty("started").GetBoolean());
        Assert.Equal((DocumentStatus.Completed, 2), (completed.Status, completed.PageCount));

        // Page 1's answer came while the server was going down and could not be stored, so page 1 is asked again.
        var calls = harness.Model.CallsByPageImage();
        var pages = await harness.PageImageKeysAsync(completed);
        Assert.Equal((2, 1), (calls[pages[1]], calls[pages[2]]));
        Assert.Empty(harness.Model.Violations);
    }

    /// <summary>The server lost the database with its restart: create it and its containers again, as the app's start-up does.</summary>
    private static async Task CreateContainersAgainAsync(CosmosFixture server, string databaseName)
    {
        await server.RecreateDatabaseAsync(databaseName, Token);
        using var client = server.CreateClient(CosmosAccount.ClientOptions());
        await CosmosEstimateStore.EnsureContainerAsync(client, databaseName, "estimates", Token);
        await CosmosModelRegistry.EnsureContainerAsync(client, databaseName, "models", Token);
    }
}
