using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Models;
using TimeVision.Functions.Triggers;
using TimeVision.Testing;
using TimeVision.Testing.LocalServices;

namespace TimeVision.Functions.Tests;

/// <summary>Model info and activation, and the next upload using the activated model.</summary>
[Collection(LocalServicesGroup.Name)]
public sealed class ModelApiTests(AzuriteFixture azurite, CosmosFixture cosmos) : IAsyncLifetime
{
    private FunctionsHarness _harness = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private ModelApi Api => ActivatorUtilities.CreateInstance<ModelApi>(_harness.Services);

    public async ValueTask InitializeAsync() => _harness = await FunctionsHarness.StartAsync(azurite, cosmos);

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Activating_a_model_shows_in_model_info_and_the_next_estimate_uses_it()
    {
        const string model = "ft:gpt-4o-2024-08-06:shop::xyz";
        var before = Assert.IsType<ModelInfo>(Assert.IsType<OkObjectResult>(await Api.InfoAsync(FunctionsHarness.Request("GET"), Token)).Value);

        var activated = await Api.ActivateAsync(FunctionsHarness.Request("POST", Encoding.UTF8.GetBytes($$"""{"model": "{{model}}"}"""), "application/json"), Token);
        var accepted = Assert.IsType<AcceptedResult>(await _harness.Api.PostAsync(FunctionsHarness.Request("POST", TestPdfs.WithPages(1)), _harness.Client, Token));
        await _harness.WaitAsync(accepted.Location!.Split('/')[^1]);

        Assert.Equal(("default", ActiveModel.DefaultModel), (before.Source, before.ActiveModel));
        var info = Assert.IsType<ModelInfo>(Assert.IsType<OkObjectResult>(activated).Value);
        Assert.Equal((model, "registry", "openai_ft"), (info.ActiveModel, info.Source, info.Provider));
        Assert.Equal(model, Assert.Single(_harness.Model.Requests).Model);
        var after = Assert.IsType<ModelInfo>(Assert.IsType<OkObjectResult>(await Api.InfoAsync(FunctionsHarness.Request("GET"), Token)).Value);
        Assert.Equal(1, after.EstimatesByModel[model]);
    }

    [Fact]
    public async Task Activation_without_a_model_is_400()
    {
        var result = await Api.ActivateAsync(FunctionsHarness.Request("POST", Encoding.UTF8.GetBytes("{}"), "application/json"), Token);

        Assert.IsType<BadRequestObjectResult>(result);
    }
}
