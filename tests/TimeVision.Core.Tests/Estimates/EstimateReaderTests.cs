using System.Text.Json.Nodes;
using TimeVision.Core.Estimates;
using TimeVision.Testing.FakeOpenAI;

namespace TimeVision.Core.Tests.Estimates;

public sealed class EstimateReaderTests
{
    [Fact]
    public void Reads_a_plain_json_reply()
    {
        var read = EstimateReader.Read(SampleEstimates.ShaftJson());

        Assert.Null(read.Error);
        Assert.Equal(PartType.Rot, read.Estimate!.PartType);
        Assert.Equal(2.4, read.Estimate.EstimatedTimeMin);
        Assert.Equal(3, read.Estimate.Breakdown.Count);
        Assert.Equal("Stainless Steel", read.Estimate.MaterialDetected);
        Assert.Empty(read.Warnings);
    }

    [Theory]
    [InlineData("```json\n{0}\n```")]
    [InlineData("Here is the estimate:\n```\n{0}\n```\nLet me know if you need more.")]
    [InlineData("Odhad: {0} Hotovo.")]
    public void Finds_the_json_inside_fences_and_prose(string wrapper)
    {
        var read = EstimateReader.Read(wrapper.Replace("{0}", SampleEstimates.ShaftJson(), StringComparison.Ordinal));

        Assert.Null(read.Error);
        Assert.Equal(2.4, read.Estimate!.EstimatedTimeMin);
    }

    public static TheoryData<string, string> Violations => new()
    {
        { "an unknown part type", Mutate(e => e["part_type"] = "TURNED") },
        { "a negative time", Mutate(e => e["estimated_time_min"] = -1) },
        { "a time of 10,000 minutes", Mutate(e => e["estimated_time_min"] = 10_000) },
        { "a negative diameter", Mutate(e => e["max_diameter_mm"] = -4) },
        { "a missing field", Mutate(e => e.Remove("confidence")) },
        { "an extra field", Mutate(e => e["price_eur"] = 12) },
        { "a breakdown item without time", Mutate(e => e["breakdown"]![0]!.AsObject().Remove("time_min")) },
        { "a number as text", Mutate(e => e["estimated_time_min"] = "2.4") },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public void Rejects_replies_that_break_the_contract(string description, string reply)
    {
        var read = EstimateReader.Read(reply);

        Assert.True(read.Estimate is null, $"{description} was accepted.");
        Assert.Contains("contract", read.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("no json here")]
    [InlineData("{\"part_type\": \"ROT\", ")]
    public void Rejects_replies_that_are_not_json(string reply)
    {
        var read = EstimateReader.Read(reply);

        Assert.Null(read.Estimate);
        Assert.NotNull(read.Error);
    }

    [Theory]
    [InlineData("I'm sorry, but I can't help with identifying this drawing.", true)]
    [InlineData("I cannot assist with that request.", true)]
    [InlineData("Omlouvám se, ale s tímto nemohu pomoci.", true)]
    [InlineData("{\"reasoning\": \"I'm sorry the drawing is blurry\"}", false)]
    [InlineData("The part is a shaft.", false)]
    public void Recognises_a_refusal_written_in_place_of_json(string reply, bool refusal) =>
        Assert.Equal(refusal, ReplyText.LooksLikeRefusal(reply));

    private static string Mutate(Action<JsonObject> change)
    {
        var estimate = SampleEstimates.Shaft();
        change(estimate);
        return estimate.ToJsonString();
    }
}
