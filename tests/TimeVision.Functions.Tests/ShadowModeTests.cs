using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Testing;
using TimeVision.Testing.FakeOpenAI;
using TimeVision.Testing.LocalServices;
using TimeVision.Api.Handlers;

namespace TimeVision.Functions.Tests;

/// <summary>Shadow mode in the Functions app: the sampled document is estimated by the challenger too, stored beside the answer.</summary>
[Collection(LocalServicesGroup.Name)]
public sealed class ShadowModeTests(AzuriteFixture azurite, CosmosFixture cosmos) : IAsyncLifetime
{
    private const string Challenger = "gpt-4.1";
    private FunctionsHarness _harness = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _harness = await FunctionsHarness.StartAsync(azurite, cosmos, settings: new Dictionary<string, string?>
        {
            ["Shadow:Model"] = Challenger,
            ["Shadow:Percent"] = "100",
        });
        _harness.Model.Fallback = request => new FakeReply.Content(request.Model == Challenger
            ? SampleEstimates.Shaft(5, [5]).ToJsonString()
            : SampleEstimates.ShaftJson());
    }

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task An_upload_is_estimated_by_the_challenger_too_and_the_answer_stays_the_primary_s()
    {
        var accepted = Assert.IsType<Accepted<EstimateAccepted>>((await _harness.Api.PostAsync(FunctionsHarness.Request("POST", TestPdfs.WithPages(2)), _harness.Client, Token)).Result);
        var id = accepted.Location!.Split('/')[^1];
        await _harness.WaitAsync(id);

        var document = Assert.IsType<DocumentEstimate>(Assert.IsType<Ok<DocumentEstimate>>((await _harness.Api.GetAsync(FunctionsHarness.Request("GET"), id, _harness.Client, Token)).Result).Value);

        Assert.Equal(["gpt-4o-2024-08-06"], document.Models.Select(m => m.Model));
        Assert.Equal(2.4, document.TotalEstimatedMinutes); // two sheets of one drawing number: one part, timed by its largest sheet
        var shadow = Assert.IsType<ShadowEstimate>(document.Shadow);
        Assert.Equal((Challenger, DocumentStatus.Completed, 5.0), (shadow.Model, shadow.Status, shadow.TotalEstimatedMinutes));
        Assert.Equal(2, shadow.Pages.Count);
        Assert.Equal(2, _harness.Model.Requests.Count(r => r.Model == Challenger));
        Assert.Equal(4, _harness.Model.Requests.Count);
    }
}
