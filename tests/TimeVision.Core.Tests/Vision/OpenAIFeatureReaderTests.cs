using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Estimating.Vision;
using TimeVision.Core.Estimating.Vision.Prompts;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing.FakeOpenAI;

namespace TimeVision.Core.Tests.Vision;

/// <summary>
/// The features task's reading through the real OpenAI SDK and the fake server: a part's sheets go in one request with
/// the reading prompt, the reply is the part-features contract, in every reply format; a reply that is not a reading is
/// asked once more, then fails.
/// </summary>
public sealed class OpenAIFeatureReaderTests : FakeOpenAITestBase
{
    [Theory]
    [InlineData("json_schema_strict")]
    [InlineData("json_object")]
    public async Task A_parts_sheets_are_read_together_into_its_features(string format)
    {
        Server.Fallback = SampleEstimates.Reply;
        var page = await RenderedPages.OdriMotorShaftAsStoredAsync();
        using var services = CoreServices.Create([.. ServerSettings, ("Vision:ResponseFormat", format)]);

        var result = await services.Get<OpenAIFeatureReader>().ReadPartAsync([page, page], "gpt-4.1", Token);

        Assert.Equal(PageEstimateStatus.Completed, result.Status);
        Assert.Null(result.Estimate);
        Assert.Equal(("reading", "1.0.0"), (result.PromptId, result.PromptVersion));
        Assert.Equal(
            [(FeatureType.Facing, 2), (FeatureType.FaceMilling, 1), (FeatureType.Chamfer, 2), (FeatureType.Parting, 1)],
            result.Features!.Features.Select(f => (f.Type, f.Count!.Value)));
        Assert.Equal(("stainless_steel", StockShape.Bar), (result.Features.MaterialGroup, result.Features.Stock!.Shape!.Value));
        var request = Assert.Single(Server.Requests);
        Assert.Equal(2, request.Images);
        var reading = services.Get<PromptCatalog>().Get(PromptCatalog.ReadingSetId);
        Assert.Equal(reading.SystemText, request.SystemText);
        if (format == "json_schema_strict")
        {
            var schema = request.Body["response_format"]!["json_schema"]!;
            Assert.Equal(("part_features", true), (schema["name"]!.GetValue<string>(), schema["strict"]!.GetValue<bool>()));
            Assert.Equal(["partType", "material", "materialGroup", "stock", "features"], schema["schema"]!["properties"]!.AsObject().Select(p => p.Key));
            Assert.Equal(reading.UserText, request.UserText);
            Assert.Equal(reading.Hash, result.PromptHash);
        }
        else
        {
            Assert.EndsWith(ReplyShape.ReadingText, request.UserText, StringComparison.Ordinal);
            Assert.NotEqual(reading.Hash, result.PromptHash);
        }
    }

    [Fact]
    public void The_reading_prompt_names_every_feature_type_and_material_group_the_contract_knows()
    {
        using var services = CoreServices.Create();
        var reading = services.Get<PromptCatalog>().Get(PromptCatalog.ReadingSetId);

        Assert.All(Enum.GetValues<FeatureType>(), type => Assert.Contains($"- {Core.Json.JsonCode.Of(type)}:", reading.SystemText, StringComparison.Ordinal));
        Assert.All(Estimating.Facts.MaterialCatalog.Groups, group => Assert.Contains(group, reading.SystemText, StringComparison.Ordinal));
        Assert.Contains("v milimetrech", reading.SystemText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_that_is_not_a_reading_is_asked_once_more_then_fails_with_the_reply_kept()
    {
        Server.Enqueue(new FakeReply.Content(SampleEstimates.ShaftJson()), new FakeReply.Content(SampleEstimates.ShaftJson()));
        using var services = CoreServices.Create([.. ServerSettings]);

        var result = await services.Get<OpenAIFeatureReader>().ReadPartAsync([await RenderedPages.OdriMotorShaftAsStoredAsync()], "gpt-4.1", Token);

        Assert.Equal(PageEstimateStatus.Failed, result.Status);
        Assert.Equal(VisionErrorCode.InvalidReply, result.Error!.Code);
        Assert.Contains("no features list", result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(SampleEstimates.ShaftJson(), result.RawReply);
        Assert.Equal(2, Server.Requests.Count);
    }

    [Fact]
    public async Task A_feature_that_breaks_the_contract_is_dropped_with_a_warning()
    {
        var reply = SampleEstimates.ShaftFeatures();
        reply["features"]!.AsArray()[1]!["type"] = "knurling";
        Server.Enqueue(new FakeReply.Content(reply.ToJsonString()));
        using var services = CoreServices.Create([.. ServerSettings]);

        var result = await services.Get<OpenAIFeatureReader>().ReadPartAsync([await RenderedPages.OdriMotorShaftAsStoredAsync()], "gpt-4.1", Token);

        Assert.Equal(PageEstimateStatus.Completed, result.Status);
        Assert.Equal(3, result.Features!.Features.Count);
        Assert.Contains(result.Warnings, w => w.Code == EstimateWarning.FeatureDropped && w.Message.Contains("knurling", StringComparison.Ordinal));
    }
}
