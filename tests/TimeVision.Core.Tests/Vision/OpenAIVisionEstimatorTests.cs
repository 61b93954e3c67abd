using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Vision;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing.FakeOpenAI;

namespace TimeVision.Core.Tests.Vision;

/// <summary>The real OpenAI SDK against a fake OpenAI-compatible server that checks every request on the wire.</summary>
public sealed class OpenAIVisionEstimatorTests : FakeOpenAITestBase
{
    [Fact]
    public async Task A_page_comes_back_as_a_validated_estimate_with_everything_recorded()
    {
        Server.ExpectedModel = "gpt-4o-2024-08-06";
        Server.Enqueue(new FakeReply.Content(SampleEstimates.ShaftWithFeatures().ToJsonString()));

        // The page at 300 DPI, as `render` makes it: the estimator downscales it to what the model gets.
        var result = await EstimateAsync([], model: null, page: await RenderedPages.OdriMotorShaftAsync());

        Assert.Equal(PageEstimateStatus.Completed, result.Status);
        Assert.Equal(2.4, result.Estimate!.EstimatedTimeMin);
        Assert.Equal(("gpt-4o-2024-08-06", "openai", "base", "high"), (result.Model, result.Provider, result.PromptId, result.Detail));
        Assert.Equal(1, result.Attempts);
        Assert.Equal(1105, result.InputTokens);
        Assert.True(result.OutputTokens > 0);
        Assert.Empty(result.Warnings);
        var request = Assert.Single(Server.Requests);
        Assert.Equal((2048, 1448, "high", true), (request.ImageWidth, request.ImageHeight, request.Detail, request.StructuredOutputs));
        Assert.Equal(request.ImageBytes, result.ImageBytesSent);
        Assert.Equal((2048, 1448), (result.ImageWidthPx, result.ImageHeightPx));
        Assert.Contains("strojní čas", request.SystemText, StringComparison.Ordinal);
        // The base set is grounded by default: the hash covers the exact texts sent plus the facts section's marker (no facts here).
        Assert.Equal(result.PromptHash, new TimeVision.Core.Estimating.Vision.Prompts.PromptSet("", "", request.SystemText, request.UserText).WithGrounding().Hash);
    }

    [Fact]
    public async Task Without_structured_outputs_fenced_json_is_accepted()
    {
        Server.Enqueue(new FakeReply.Content($"```json\n{SampleEstimates.ShaftJson()}\n```"));

        var result = await EstimateAsync(("Vision:StructuredOutputs", "false"));

        Assert.Equal(PageEstimateStatus.Completed, result.Status);
        Assert.False(Assert.Single(Server.Requests).StructuredOutputs);
        Assert.False(Server.Requests[0].Body.ContainsKey("response_format"));
    }

    [Fact]
    public async Task A_refusal_is_retried_once_with_detail_auto()
    {
        Server.Enqueue(new FakeReply.Refusal("I'm sorry, I can't help with that."), new FakeReply.Content(SampleEstimates.ShaftWithFeatures().ToJsonString()));

        var result = await EstimateAsync();

        Assert.Equal(PageEstimateStatus.Completed, result.Status);
        Assert.Equal(["high", "auto"], Server.Requests.Select(r => r.Detail));
        Assert.Equal((2, "auto"), (result.Attempts, result.Detail));
        Assert.Equal(EstimateWarning.RetriedAfterRefusal, Assert.Single(result.Warnings).Code);
        Assert.Equal(2 * 1105, result.InputTokens);
    }

    [Fact]
    public async Task Two_refusals_block_the_page_with_the_refusal_text_and_no_estimate()
    {
        Server.Enqueue(new FakeReply.Refusal("I'm sorry, I can't help with that."), new FakeReply.Refusal("I can't assist with this image."));

        var result = await EstimateAsync();

        Assert.Equal(PageEstimateStatus.Blocked, result.Status);
        Assert.Null(result.Estimate);
        Assert.Equal("I can't assist with this image.", result.Refusal);
        Assert.Equal(VisionErrorCode.Refused, result.Error!.Code);
        Assert.Equal(2, Server.Requests.Count);
    }

    [Fact]
    public async Task A_refusal_sentence_in_place_of_json_counts_as_a_refusal()
    {
        Server.Enqueue(
            new FakeReply.Content("I'm sorry, but I can't help identify this."),
            new FakeReply.Content("I'm sorry, but I can't help identify this."));

        var result = await EstimateAsync(("Vision:StructuredOutputs", "false"));

        Assert.Equal(PageEstimateStatus.Blocked, result.Status);
        Assert.Equal(["high", "auto"], Server.Requests.Select(r => r.Detail));
    }

    [Fact]
    public async Task A_429_with_retry_after_is_waited_out_then_succeeds()
    {
        Server.Enqueue(FakeReply.RateLimited(retryAfterSeconds: 1), new FakeReply.Content(SampleEstimates.ShaftJson()));
        var clock = new WaitWatchingTimeProvider();

        var estimate = EstimateAsync(clock);
        var wait = await clock.NextWaitAsync(estimate, Token);
        var triesWhileWaiting = Server.Requests.Count;
        clock.Advance(wait ?? TimeSpan.Zero);
        var result = await estimate;

        Assert.Equal(TimeSpan.FromSeconds(1), wait);
        Assert.Equal(1, triesWhileWaiting);
        Assert.Equal(PageEstimateStatus.Completed, result.Status);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(1000, result.LatencyMs); // the wait counts in the page's latency
    }

    [Fact]
    public async Task Repeated_500s_fail_the_page_after_the_configured_retries()
    {
        Server.Enqueue(FakeReply.ServerError(), FakeReply.ServerError(), FakeReply.ServerError());

        var result = await EstimateAsync(("Vision:MaxRetries", "2"));

        Assert.Equal(PageEstimateStatus.Failed, result.Status);
        Assert.Equal(VisionErrorCode.ServiceError, result.Error!.Code);
        Assert.Contains("500", result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, Server.Requests.Count);
    }

    [Fact]
    public async Task Retries_stop_at_the_total_time_budget()
    {
        Server.Enqueue(FakeReply.RateLimited(retryAfterSeconds: 30));
        var clock = new WaitWatchingTimeProvider();

        var estimate = EstimateAsync(clock, ("Vision:MaxRetryDuration", "00:00:05"));
        var wait = await clock.NextWaitAsync(estimate, Token);

        Assert.Null(wait); // gives up at once rather than wait for a retry it may not make (checked first: a wait would never end)
        var result = await estimate;
        Assert.Equal(VisionErrorCode.RateLimited, result.Error!.Code);
        Assert.Equal(1, result.Attempts);
    }

    [Fact]
    public async Task Malformed_json_is_retried_once_then_succeeds()
    {
        Server.Enqueue(new FakeReply.Content("{\"part_type\": \"ROT\", \"complexity\": "), new FakeReply.Content(SampleEstimates.ShaftWithFeatures().ToJsonString()));

        var result = await EstimateAsync();

        Assert.Equal(PageEstimateStatus.Completed, result.Status);
        Assert.Equal(EstimateWarning.RetriedAfterInvalidReply, Assert.Single(result.Warnings).Code);
    }

    [Fact]
    public async Task Malformed_json_twice_fails_the_page_and_keeps_the_raw_reply()
    {
        const string broken = "{\"part_type\": \"ROT\", \"complexity\": ";
        Server.Enqueue(new FakeReply.Content(broken), new FakeReply.Content(broken));

        var result = await EstimateAsync();

        Assert.Equal(PageEstimateStatus.Failed, result.Status);
        Assert.Equal(VisionErrorCode.InvalidReply, result.Error!.Code);
        Assert.Equal(broken, result.RawReply);
        Assert.Null(result.Estimate);
    }

    [Fact]
    public async Task A_reply_breaking_the_schema_twice_fails_with_the_reason()
    {
        var wrong = SampleEstimates.Shaft();
        wrong["estimated_time_min"] = "about two minutes";
        wrong["breakdown"] = new System.Text.Json.Nodes.JsonArray();
        Server.Enqueue(new FakeReply.Content(wrong.ToJsonString()), new FakeReply.Content(wrong.ToJsonString()));

        var result = await EstimateAsync();

        Assert.Equal(VisionErrorCode.InvalidReply, result.Error!.Code);
        Assert.Contains("estimated_time_min \"about two minutes\" is not a time", result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(2, Server.Requests.Count);
    }

    [Fact]
    public async Task A_reply_slower_than_the_timeout_is_retried_then_fails_as_timeout()
    {
        Server.Enqueue(
            FakeReply.Slow(SampleEstimates.ShaftJson(), TimeSpan.FromSeconds(5)),
            FakeReply.Slow(SampleEstimates.ShaftJson(), TimeSpan.FromSeconds(5)));

        var result = await EstimateAsync(("Vision:RequestTimeout", "00:00:00.300"), ("Vision:MaxRetries", "1"));

        // Failed, not completed: neither try waited for its 5-s reply.
        Assert.Equal(PageEstimateStatus.Failed, result.Status);
        Assert.Equal(VisionErrorCode.Timeout, result.Error!.Code);
        Assert.Equal(2, result.Attempts);
    }

    [Fact]
    public async Task A_slow_reply_then_a_quick_one_succeeds()
    {
        // The first reply never comes; the timeout is long enough for the second to arrive on a loaded CI machine.
        var never = new TaskCompletionSource();
        Server.Enqueue(
            new FakeReply.Content(SampleEstimates.ShaftJson()) { HeldUntil = never.Task },
            new FakeReply.Content(SampleEstimates.ShaftJson()));

        var result = await EstimateAsync(("Vision:RequestTimeout", "00:00:03"));

        Assert.Equal(PageEstimateStatus.Completed, result.Status);
        Assert.Equal(2, result.Attempts);
    }

    [Fact]
    public async Task A_fine_tuned_model_is_served_the_ft_prompts_and_tagged_openai_ft()
    {
        const string model = "ft:gpt-4o-2024-08-06:shop::abc123";
        Server.ExpectedModel = model;
        Server.Enqueue(new FakeReply.Content(SampleEstimates.ShaftJson()));

        var result = await EstimateAsync(("Vision:Model", model));

        Assert.Equal(("ft", "openai_ft"), (result.PromptId, result.Provider));
        Assert.DoesNotContain("Referenční časy", Server.Requests[0].SystemText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_model_can_be_chosen_per_call_and_its_image_size_per_model()
    {
        Server.ExpectedModel = "gpt-4.1";
        Server.Enqueue(new FakeReply.Content(SampleEstimates.ShaftJson()));

        var result = await EstimateAsync(("Vision:Models:gpt-4.1:MaxImageLongSidePx", "1024"), model: "gpt-4.1");

        Assert.Equal("gpt-4.1", result.Model);
        Assert.Equal(1024, Server.Requests[0].ImageWidth);
    }

    [Fact]
    public async Task A_wrong_key_fails_as_unauthorized_without_retries()
    {
        using var services = CoreServices.Create(
            ("Vision:Endpoint", Server.BaseUrl.ToString()), ("Vision:ApiKey", "wrong-key"), ("Vision:InitialRetryDelay", "00:00:00.010"));

        var result = await services.Get<IVisionEstimator>().EstimatePageAsync(await RenderedPages.OdriMotorShaftAsStoredAsync(), null, null, Token);

        Assert.Equal(VisionErrorCode.Unauthorized, result.Error!.Code);
        Assert.Equal(1, result.Attempts);
        Assert.DoesNotContain("wrong-key", result.Error.Message, StringComparison.Ordinal);
        Assert.Single(Server.Violations);
        await ReplaceServerAsync(); // the deliberate violation stays with the discarded server
    }

    [Fact]
    public async Task An_inch_drawing_reply_is_converted_with_a_warning()
    {
        Server.Enqueue(new FakeReply.Content(SampleEstimates.ShaftWithFeatures(units: "inch").ToJsonString()));

        var result = await EstimateAsync();

        Assert.Equal(4 * 25.4, result.Estimate!.MaxDiameterMm);
        Assert.Equal((101.6, 7.62), (result.Features!.Stock!.DiameterMm!.Value, result.Features.Features.Single(f => f.Type == Estimating.ProcessPlanning.FeatureType.Chamfer).LengthMm!.Value));
        Assert.Equal(EstimateWarning.InchConverted, Assert.Single(result.Warnings).Code);
    }

    [Fact]
    public async Task No_api_key_is_a_configuration_fault_that_says_what_to_set()
    {
        using var services = CoreServices.Create(("Vision:Endpoint", Server.BaseUrl.ToString()));

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => services.Get<IVisionEstimator>().EstimatePageAsync(BinaryData.FromBytes([1]), null, null, Token));

        Assert.Contains("OPENAI_API_KEY", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mesospim-sample-stage-plate.pdf")]
    [InlineData("openspim-tube-lens-adapter-scan.pdf")]
    [InlineData("psas-spider.pdf")]
    [InlineData("nfr-rear-upright.pdf")]
    public async Task Real_drawings_reach_the_model_at_2048_pixels_with_their_proportions(string fileName)
    {
        var page = await RenderedPages.RenderFirstPageAsync(TimeVision.Testing.SharedDrawings.Require(fileName));
        var rendered = TimeVision.Testing.PngImage.Decode(page.ToArray());
        Server.Enqueue(new FakeReply.Content(SampleEstimates.ShaftJson()));
        using var services = CoreServices.Create(ServerSettings);

        var result = await services.Get<IVisionEstimator>().EstimatePageAsync(page, null, null, Token);

        Assert.Equal(PageEstimateStatus.Completed, result.Status);
        var sent = Assert.Single(Server.Requests);
        Assert.Equal(2048, Math.Max(sent.ImageWidth, sent.ImageHeight));
        Assert.Equal((double)rendered.Width / rendered.Height, (double)sent.ImageWidth / sent.ImageHeight, tolerance: 0.01);
    }

    private async Task<PageEstimateResult> EstimateAsync(params (string Key, string Value)[] settings) =>
        await EstimateAsync(settings, model: null);

    private async Task<PageEstimateResult> EstimateAsync((string Key, string Value) setting, string? model) =>
        await EstimateAsync([setting], model);

    /// <summary>Estimates with retries waiting on <paramref name="clock"/> instead of the system clock.</summary>
    private async Task<PageEstimateResult> EstimateAsync(TimeProvider clock, params (string Key, string Value)[] settings) =>
        await EstimateAsync(settings, model: null, clock);

    /// <summary>
    /// Estimates <paramref name="page"/>, by default the page as the pipeline stores it (already at the model's size,
    /// so no test but the one about it pays for a downscale).
    /// </summary>
    private async Task<PageEstimateResult> EstimateAsync(
        (string Key, string Value)[] settings, string? model, TimeProvider? clock = null, BinaryData? page = null)
    {
        using var services = CoreServices.Create(
            registrations =>
            {
                if (clock is not null)
                {
                    registrations.AddSingleton(clock);
                }

                registrations.AddTimeVisionCore();
            },
        [
            .. ServerSettings,
            ("Vision:InitialRetryDelay", "00:00:00.010"),
            .. settings,
        ]);
        return await services.Get<IVisionEstimator>().EstimatePageAsync(page ?? await RenderedPages.OdriMotorShaftAsStoredAsync(), model, null, Token);
    }
}
