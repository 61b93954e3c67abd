using TimeVision.Core.ModelOps.ModelCheck;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing.FakeOpenAI;

namespace TimeVision.Core.Tests.ModelCheck;

/// <summary>
/// The model check sends the shipped sample drawings to the fake server and reports what a person needs to decide a
/// switch, and whether the model reads the features sample as the features task asks.
/// </summary>
public sealed class ModelCheckServiceTests : FakeOpenAITestBase
{
    [Fact]
    public async Task A_model_that_answers_both_samples_is_usable_with_latency_tokens_and_cost_and_reads_the_features_sample()
    {
        Server.Fallback = SampleEstimates.Reply;

        var report = await CheckAsync("gpt-4.1");

        Assert.True(report.Usable);
        Assert.Equal(["edocr-adapterplatte.pdf", "odri-motor-shaft.pdf"], report.Calls.Select(c => c.Sample));
        Assert.All(report.Calls, call =>
        {
            Assert.Equal(("ok", true, true, "json_schema_strict", (int?)4), (call.Status, call.Accepted, call.ReplyValid, call.Dialect, call.FeaturesRead));
            Assert.Equal(1105, call.InputTokens);
            Assert.True(call.OutputTokens > 0);
            Assert.Equal((1105 * 2.00 + call.OutputTokens * 8.00) / 1_000_000, call.CostUsd!.Value, 9);
        });
        var reading = report.Reading!;
        Assert.Equal(("edocr-adapterplatte.pdf", "ok", (int?)4), (reading.Sample, reading.Status, reading.FeaturesRead));
        Assert.Equal((1105 * 2.00 + reading.OutputTokens * 8.00) / 1_000_000, reading.CostUsd!.Value, 9);
        Assert.Equal(3, Server.Requests.Count);
        Assert.Single(Server.Requests, SampleEstimates.IsReading);
        Assert.Empty(report.Advice);
    }

    [Fact]
    public async Task A_provider_rejecting_the_strict_schema_is_not_usable_as_configured_and_the_check_says_which_setting_works()
    {
        Server.RejectsAdditionalProperties = true;
        Server.Fallback = SampleEstimates.Reply;

        var report = await CheckAsync("gemini-2.5-flash");

        Assert.False(report.Usable);
        Assert.All(report.Calls, call =>
        {
            Assert.Equal(("ok", "json_schema", false, (int?)4), (call.Status, call.Dialect, call.ConfiguredDialectWorked, call.FeaturesRead));
            Assert.Contains("rejected 'additionalProperties'", Assert.Single(call.Rejected), StringComparison.Ordinal);
        });
        Assert.Contains("Set Vision:Models:gemini-2.5-flash:ResponseFormat = json_schema.", report.Advice);
    }

    [Fact]
    public async Task A_model_whose_replies_are_not_estimates_is_not_usable()
    {
        Server.Fallback = _ => new FakeReply.Content("The drawing shows a shaft.");

        var report = await CheckAsync("gpt-4.1");

        Assert.False(report.Usable);
        Assert.All(report.Calls, call => Assert.Equal(("invalid_reply", true, false), (call.Status, call.Accepted, call.ReplyValid)));
        Assert.Equal(("invalid_reply", (int?)null), (report.Reading!.Status, report.Reading.FeaturesRead));
    }

    [Fact]
    public async Task A_wrong_key_is_reported_as_rejected_with_the_server_error()
    {
        using var services = CoreServices.Create(("Vision:Endpoint", Server.BaseUrl.ToString()), ("Vision:ApiKey", "wrong"));

        var report = await services.Get<ModelCheckService>().CheckAsync("gpt-4.1", Token);

        Assert.False(report.Usable);
        Assert.All(report.Calls, call => Assert.Equal(("rejected", "unauthorized", false), (call.Status, call.ErrorCode, call.Accepted)));
        await ReplaceServerAsync(); // the deliberate auth violations stay with the discarded server
    }

    private async Task<ModelCheckReport> CheckAsync(string model)
    {
        using var services = CoreServices.Create([.. ServerSettings, ("Vision:InitialRetryDelay", "00:00:00.010")]);
        return await services.Get<ModelCheckService>().CheckAsync(model, Token);
    }
}
