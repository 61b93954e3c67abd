using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Api.Handlers;
using TimeVision.Api.Http;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.ModelOps.ModelManagement;
using TimeVision.Functions.Triggers;
using TimeVision.Testing;
using TimeVision.Testing.FakeOpenAI;
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
        var before = Assert.IsType<ModelInfo>((await Api.InfoAsync(FunctionsHarness.Request("GET"), Token)).Value);

        var activated = await Api.ActivateAsync(FunctionsHarness.Request("POST", Encoding.UTF8.GetBytes($$"""{"model": "{{model}}"}"""), "application/json"), Token);
        var accepted = Assert.IsType<Accepted<EstimateAccepted>>((await _harness.Api.PostAsync(FunctionsHarness.Request("POST", TestPdfs.WithPages(1)), _harness.Client, Token)).Result);
        await _harness.WaitAsync(accepted.Location!.Split('/')[^1]);

        Assert.Equal(("default", ModelIds.Default), (Core.Json.JsonCode.Of(before.Source), before.ActiveModel));
        var info = Assert.IsType<ModelInfo>(Assert.IsType<Ok<ModelInfo>>(activated.Result).Value);
        Assert.Equal((model, "registry", "openai_ft"), (info.ActiveModel, Core.Json.JsonCode.Of(info.Source), info.Provider));
        // The model check's two samples and its features sample (asked twice: an answer in the minutes shape is not a
        // reading, and an invalid reply is asked once more), then the estimate.
        Assert.Equal(5, _harness.Model.Requests.Count);
        Assert.Equal(2, _harness.Model.Requests.Count(SampleEstimates.IsReading));
        Assert.All(_harness.Model.Requests, request => Assert.Equal(model, request.Model));
        var after = Assert.IsType<ModelInfo>((await Api.InfoAsync(FunctionsHarness.Request("GET"), Token)).Value);
        Assert.Equal(1, after.EstimatesByModel[model]);
    }

    [Fact]
    public async Task Activation_or_a_check_without_a_model_is_400()
    {
        var activation = await Api.ActivateAsync(FunctionsHarness.Request("POST", Encoding.UTF8.GetBytes("{}"), "application/json"), Token);
        var check = await Api.CheckAsync(FunctionsHarness.Request("POST", Encoding.UTF8.GetBytes("not json"), "application/json"), Token);

        Assert.Equal(400, Assert.IsType<JsonHttpResult<ApiErrorBody>>(activation.Result).StatusCode);
        Assert.Equal(400, Assert.IsType<JsonHttpResult<ApiErrorBody>>(check.Result).StatusCode);
    }

    [Theory]
    [InlineData("../../x")]
    [InlineData("a\nb")]
    [InlineData("gpt 4.1")]
    [InlineData("x/y")]
    public async Task A_model_id_that_is_not_one_is_400_invalid_model_id_and_nothing_is_activated_or_sent(string id)
    {
        var body = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new { model = id, force = true }));

        var activation = Assert.IsType<JsonHttpResult<ApiErrorBody>>((await Api.ActivateAsync(FunctionsHarness.Request("POST", body, "application/json"), Token)).Result);
        var check = Assert.IsType<JsonHttpResult<ApiErrorBody>>((await Api.CheckAsync(FunctionsHarness.Request("POST", body, "application/json"), Token)).Result);

        Assert.Equal((400, "invalid_model_id"), (activation.StatusCode, ErrorCode(activation)));
        Assert.Equal((400, "invalid_model_id"), (check.StatusCode, ErrorCode(check)));
        Assert.Equal(ModelIds.Default, (await _harness.Services.GetRequiredService<ModelInfoService>().GetAsync(Token)).ActiveModel);
        Assert.Empty(_harness.Model.Requests);
    }

    [Fact]
    public async Task A_model_id_of_201_characters_is_refused_and_a_megabyte_body_is_413_unread()
    {
        var tooLong = Encoding.UTF8.GetBytes($$"""{"model": "{{new string('a', 201)}}", "force": true}""");
        var huge = Encoding.UTF8.GetBytes($$"""{"model": "{{new string('a', 1024 * 1024)}}", "force": true}""");

        var longAnswer = Assert.IsType<JsonHttpResult<ApiErrorBody>>((await Api.ActivateAsync(FunctionsHarness.Request("POST", tooLong, "application/json"), Token)).Result);
        var hugeAnswer = Assert.IsType<JsonHttpResult<ApiErrorBody>>((await Api.ActivateAsync(FunctionsHarness.Request("POST", huge, "application/json", sendLength: false), Token)).Result);

        Assert.Equal((400, "invalid_model_id"), (longAnswer.StatusCode, ErrorCode(longAnswer)));
        Assert.Equal(413, hugeAnswer.StatusCode);
        Assert.Equal(ModelIds.Default, (await _harness.Services.GetRequiredService<ModelInfoService>().GetAsync(Token)).ActiveModel);
    }

    [Fact]
    public async Task The_check_reports_one_call_per_sample_and_a_model_that_fails_it_is_not_activated_unless_forced()
    {
        const string model = "o4-mini";
        await _harness.DisposeAsync();
        _harness = await FunctionsHarness.StartAsync(azurite, cosmos, settings: new Dictionary<string, string?> { ["Vision:ReasoningEffort"] = "high" });
        _harness.Model.RejectedParameters.Add("reasoning_effort");

        var check = Assert.IsType<TimeVision.Core.ModelOps.ModelCheck.ModelCheckReport>(Assert.IsType<Ok<TimeVision.Core.ModelOps.ModelCheck.ModelCheckReport>>((
            await Api.CheckAsync(FunctionsHarness.Request("POST", Encoding.UTF8.GetBytes($$"""{"model": "{{model}}"}"""), "application/json"), Token)).Result).Value);
        var refused = Assert.IsType<Conflict<ModelCheckFailed>>((
            await Api.ActivateAsync(FunctionsHarness.Request("POST", Encoding.UTF8.GetBytes($$"""{"model": "{{model}}"}"""), "application/json"), Token)).Result);
        var forced = await Api.ActivateAsync(FunctionsHarness.Request("POST", Encoding.UTF8.GetBytes($$"""{"model": "{{model}}", "force": true}"""), "application/json"), Token);

        Assert.False(check.Usable);
        Assert.Equal(2, check.Calls.Count);
        Assert.All(check.Calls, call => Assert.Equal(("ok", false), (call.Status, call.ConfiguredDialectWorked)));
        Assert.Contains("Set Vision:Models:o4-mini:ReasoningEffort = none.", check.Advice);
        Assert.Contains("model_check_failed", System.Text.Json.JsonSerializer.Serialize(refused.Value), StringComparison.Ordinal);
        var info = Assert.IsType<ModelInfo>(Assert.IsType<Ok<ModelInfo>>(forced.Result).Value);
        Assert.Equal((model, "registry"), (info.ActiveModel, Core.Json.JsonCode.Of(info.Source)));
    }

    [Fact]
    public async Task With_no_key_a_check_or_an_activation_is_503_missing_api_key_and_nothing_is_sent_or_switched()
    {
        await _harness.DisposeAsync();
        _harness = await FunctionsHarness.StartAsync(azurite, cosmos, settings: new Dictionary<string, string?> { ["Vision:ApiKey"] = "" });
        var body = Encoding.UTF8.GetBytes("""{"model": "gpt-4.1"}""");

        var activation = Assert.IsType<JsonHttpResult<ApiErrorBody>>((await Api.ActivateAsync(FunctionsHarness.Request("POST", body, "application/json"), Token)).Result);
        var check = Assert.IsType<JsonHttpResult<ApiErrorBody>>((await Api.CheckAsync(FunctionsHarness.Request("POST", body, "application/json"), Token)).Result);

        Assert.Equal((503, "missing_api_key"), (activation.StatusCode, ErrorCode(activation)));
        Assert.Equal((503, "missing_api_key"), (check.StatusCode, ErrorCode(check)));
        Assert.Equal(ModelIds.Default, (await _harness.Services.GetRequiredService<ModelInfoService>().GetAsync(Token)).ActiveModel);
        Assert.Empty(_harness.Model.Requests);
    }

    /// <summary>The error's code as the caller reads it in the JSON.</summary>
    private static string? ErrorCode(JsonHttpResult<ApiErrorBody> result) =>
        System.Text.Json.JsonSerializer.SerializeToElement(result.Value, System.Text.Json.JsonSerializerOptions.Web).GetProperty("error").GetProperty("code").GetString();
}
