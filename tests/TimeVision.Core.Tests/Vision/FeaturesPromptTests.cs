using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Estimating.Vision;
using TimeVision.Core.Estimating.Vision.Prompts;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing.FakeOpenAI;

namespace TimeVision.Core.Tests.Vision;

/// <summary>
/// The <c>base</c> set asks for the part's features beside the minutes, in one call, in every reply format, through the
/// real OpenAI SDK and the fake server; the fine-tune is asked in the shape it was trained on.
/// </summary>
public sealed class FeaturesPromptTests : FakeOpenAITestBase
{
    private const string ShopModel = "ft:gpt-4o-2024-08-06:kovo-rybka:gestima-v1:D8oakyjH";

    [Theory]
    [InlineData("json_schema_strict")]
    [InlineData("json_schema")]
    [InlineData("json_object")]
    [InlineData("none")]
    public async Task The_base_set_reads_the_parts_features_with_its_minutes_in_one_call_in_every_reply_format(string format)
    {
        Server.Fallback = SampleEstimates.Reply;

        var result = await EstimateAsync("gpt-4.1", ("Vision:ResponseFormat", format));

        Assert.Equal(PageEstimateStatus.Completed, result.Status);
        Assert.Equal(2.4, result.Estimate!.EstimatedTimeMin);
        Assert.Empty(result.Warnings);
        Assert.Equal(("base", "1.0.0+features.1.0.0"), (result.PromptId, result.PromptVersion));
        var features = result.Features!;
        Assert.Equal((Estimating.ProcessPlanning.PartType.Rotational, "stainless_steel", StockShape.Bar, 4.0), (features.PartType!.Value, features.MaterialGroup, features.Stock!.Shape!.Value, features.Stock.DiameterMm!.Value));
        Assert.Equal(
            [(FeatureType.Facing, 2), (FeatureType.FaceMilling, 1), (FeatureType.Chamfer, 2), (FeatureType.Parting, 1)],
            features.Features.Select(f => (f.Type, f.Count!.Value)));
        Assert.All(features.Features, f => Assert.Equal(FeatureSourceKind.Model, f.Source!.Kind));
        Assert.Equal([FactConfidence.High, FactConfidence.Medium, FactConfidence.High, FactConfidence.Medium], features.Features.Select(f => f.Source!.Confidence!.Value));
        var request = Assert.Single(Server.Requests);
        Assert.Contains("## Prvky dílu (part_features)", request.SystemText, StringComparison.Ordinal);
        if (format.StartsWith("json_schema", StringComparison.Ordinal))
        {
            var schema = request.Body["response_format"]!["json_schema"]!;
            Assert.Equal(("page_estimate_with_features", format == "json_schema_strict"), (schema["name"]!.GetValue<string>(), schema["strict"]!.GetValue<bool>()));
            Assert.Equal("part_features", schema["schema"]!["properties"]!.AsObject().First().Key);
        }
        else
        {
            Assert.EndsWith(ReplyShape.WithFeaturesText, request.UserText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_feature_that_breaks_the_contract_is_dropped_with_a_warning_and_the_minutes_stand()
    {
        var features = SampleEstimates.ShaftFeatures();
        features["materialGroup"] = "unobtainium";
        var list = features["features"]!.AsArray();
        list.Add(SampleEstimates.Feature("f5", "knurling", 1, "low", ("lengthMm", 10)));
        list.Add(SampleEstimates.Feature("f6", "drilling", 0, "high", ("diameterMm", 2)));
        list.Add(SampleEstimates.Feature("f7", "drilling", 1, "high", ("diameterMm", 2), ("depthMm", -3)));
        list.Add(SampleEstimates.Feature("f8", "Drilling", 2, "HIGH", ("diameterMm", 2.5)));
        list[^1]!["depthMm"] = "6,5";
        Server.Enqueue(new FakeReply.Content(SampleEstimates.ShaftWithFeatures(features: features).ToJsonString()));

        var result = await EstimateAsync("gpt-4.1", ("Vision:ResponseFormat", "json_object"));

        Assert.Equal((PageEstimateStatus.Completed, 2.4), (result.Status, result.Estimate!.EstimatedTimeMin));
        Assert.Single(Server.Requests);
        Assert.Equal(["f1", "f2", "f3", "f4", "f8"], result.Features!.Features.Select(f => f.Id));
        Assert.Equal((FeatureType.Drilling, 2, 6.5, FactConfidence.High), (result.Features.Features[^1].Type, result.Features.Features[^1].Count!.Value, result.Features.Features[^1].DepthMm!.Value, result.Features.Features[^1].Source!.Confidence!.Value));
        Assert.Equal(
            [
                "part_features.features[4] was dropped: type \"knurling\" is not one of the feature types.",
                "part_features.features[5] was dropped: count 0 is not a whole number of at least 1.",
                "part_features.features[6] was dropped: depthMm -3 is not a size above 0.",
            ],
            result.Warnings.Where(w => w.Code == EstimateWarning.FeatureDropped).Select(w => w.Message));
        Assert.Null(result.Features.MaterialGroup);
        Assert.Contains(result.Warnings, w => w.Code == EstimateWarning.FeatureValueIgnored && w.Message.StartsWith("part_features.materialGroup \"unobtainium\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ShopModel)]
    [InlineData("gpt-4.1", "")]
    public async Task The_fine_tune_or_a_set_not_named_to_read_features_is_asked_and_read_as_before(string model, string? readFeatures = null)
    {
        Server.Fallback = SampleEstimates.Reply;
        (string, string)[] settings = readFeatures is null ? [] : [("Vision:ReadFeatures", readFeatures)];

        var result = await EstimateAsync(model, settings);

        Assert.Equal(PageEstimateStatus.Completed, result.Status);
        Assert.Null(result.Features);
        Assert.Empty(result.Warnings);
        Assert.DoesNotContain("+features", result.PromptVersion, StringComparison.Ordinal);
        var request = Assert.Single(Server.Requests);
        Assert.DoesNotContain("part_features", request.Body.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("page_estimate", request.Body["response_format"]!["json_schema"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_reply_that_leaves_the_features_out_keeps_its_minutes_and_says_so()
    {
        Server.Enqueue(new FakeReply.Content(SampleEstimates.ShaftJson()));

        var result = await EstimateAsync("gpt-4.1", ("Vision:ResponseFormat", "json_object"));

        Assert.Equal((PageEstimateStatus.Completed, 2.4), (result.Status, result.Estimate!.EstimatedTimeMin));
        Assert.Null(result.Features);
        Assert.Equal(EstimateWarning.FeaturesMissing, Assert.Single(result.Warnings).Code);
    }

    [Fact]
    public async Task A_reply_cut_off_at_the_token_cap_says_which_setting_to_raise()
    {
        var cut = SampleEstimates.ShaftWithFeatures().ToJsonString()[..300];
        Server.Enqueue(new FakeReply.Content(cut) { FinishReason = "length" }, new FakeReply.Content(cut) { FinishReason = "length" });

        var result = await EstimateAsync("gpt-4.1");

        Assert.Equal((PageEstimateStatus.Failed, VisionErrorCode.InvalidReply), (result.Status, result.Error!.Code));
        Assert.StartsWith("The reply was cut off at the output-token cap of 4000 (max_completion_tokens); raise Vision:MaxOutputTokens.", result.Error.Message, StringComparison.Ordinal);
        Assert.All(Server.Requests, r => Assert.Equal(4000, r.Body["max_completion_tokens"]!.GetValue<int>()));
    }

    private async Task<PageEstimateResult> EstimateAsync(string model, params (string Key, string Value)[] settings)
    {
        using var services = CoreServices.Create([.. ServerSettings, ("Vision:InitialRetryDelay", "00:00:00.010"), .. settings]);
        return await services.Get<IVisionEstimator>().EstimatePageAsync(await RenderedPages.OdriMotorShaftAsStoredAsync(), model, null, Token);
    }
}
