using Microsoft.DurableTask.Client;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Testing;
using TimeVision.Testing.LocalServices;

namespace TimeVision.Functions.Tests.Faults;

/// <summary>Fifty documents posted at once through the HTTP function, on the local Durable Task engine.</summary>
[Collection(FaultsGroup.Name)]
public sealed class LoadTests(AzuriteFixture azurite, CosmosFixture cosmos)
{
    private const int Documents = 50;

    [Fact]
    public async Task Fifty_documents_posted_at_once_are_all_stored_and_each_page_reaches_the_model_once()
    {
        await using var harness = await FunctionsHarness.StartAsync(azurite, cosmos);
        var pdfs = Enumerable.Range(0, Documents).Select(i => TestPdfs.WithPages(1, widthMm: 500 + i)).ToList();

        var accepted = await Task.WhenAll(pdfs.Select(harness.PostAsync));
        var ids = accepted.Select(body => body.GetProperty("id").GetString()!).ToList();
        var runs = await Task.WhenAll(ids.Select(id => harness.WaitAsync(id, TimeSpan.FromMinutes(3))));
        var stored = new List<DocumentEstimate>();
        foreach (var id in ids)
        {
            stored.Add(await harness.StoredAsync(id));
        }

        Assert.Equal(Documents, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(accepted, body => Assert.True(body.GetProperty("started").GetBoolean()));
        Assert.All(runs, run => Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus));
        Assert.Equal(Documents, stored.Count(document => document.Status == DocumentStatus.Completed));
        await harness.AssertEachPageReachedTheModelOnceAsync(stored);
    }
}
