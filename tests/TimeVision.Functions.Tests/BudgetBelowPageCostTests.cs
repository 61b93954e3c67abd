using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using TimeVision.Testing;
using TimeVision.Testing.LocalServices;
using TimeVision.Api.Http;

namespace TimeVision.Functions.Tests;

/// <summary>
/// A daily budget smaller than one page's reservation could never send a page: the upload is refused at intake with
/// 429 <c>budget_below_page_cost</c> and both figures, rather than accepted with 202 and every page refused.
/// </summary>
[Collection(LocalServicesGroup.Name)]
public sealed class BudgetBelowPageCostTests(AzuriteFixture azurite, CosmosFixture cosmos) : IAsyncLifetime
{
    private FunctionsHarness _harness = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _harness = await FunctionsHarness.StartAsync(
        azurite, cosmos, settings: new Dictionary<string, string?> { ["Vision:DailyBudgetUsd"] = "0.001" });

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task An_upload_under_a_budget_below_one_page_is_429_budget_below_page_cost_with_the_figures()
    {
        var request = FunctionsHarness.Request("POST", TestPdfs.WithPages(1, widthMm: 315));

        var result = Assert.IsType<JsonHttpResult<ApiErrorBody>>((await _harness.Api.PostAsync(request, _harness.Client, Token)).Result);

        var error = JsonSerializer.SerializeToElement(result.Value).GetProperty("error");
        Assert.Equal((429, "budget_below_page_cost"), (result.StatusCode, error.GetProperty("code").GetString()));
        Assert.Contains("Vision:DailyBudgetUsd = 0.001 USD", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("0.01075 USD", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(_harness.Model.Requests);
    }
}
