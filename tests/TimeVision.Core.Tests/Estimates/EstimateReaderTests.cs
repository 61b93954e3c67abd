using System.Text.Json.Nodes;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Facts;
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

    public static TheoryData<string, string> Timeless => new()
    {
        { "a negative time and no breakdown", Mutate(e => { e["estimated_time_min"] = -1; e["breakdown"] = new JsonArray(); }) },
        { "a time of 10,000 minutes and no breakdown", Mutate(e => { e["estimated_time_min"] = 10_000; e.Remove("breakdown"); }) },
        { "no time and a breakdown item without time", Mutate(e => { e.Remove("estimated_time_min"); e["breakdown"]![0]!.AsObject().Remove("time_min"); }) },
        { "no time and no breakdown", Mutate(e => { e.Remove("estimated_time_min"); e.Remove("breakdown"); }) },
        { "a time that is not a number and an empty breakdown", Mutate(e => { e["estimated_time_min"] = "about two"; e["breakdown"] = new JsonArray(); }) },
    };

    [Theory]
    [MemberData(nameof(Timeless))]
    public void Rejects_only_replies_without_a_usable_time(string description, string reply)
    {
        var read = EstimateReader.Read(reply);

        Assert.True(read.Estimate is null, $"{description} was accepted.");
        Assert.Contains("no usable time", read.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{0}")]
    [InlineData("```json\n{0}\n```")]
    [InlineData("Here is my estimate for the part:\n{0}\nHope this helps.")]
    public void The_original_13_field_shape_is_read_with_the_missing_fields_filled_and_warned(string wrapper)
    {
        var reply = wrapper.Replace("{0}", SampleEstimates.OriginalShape().ToJsonString(), StringComparison.Ordinal);

        var read = EstimateReader.Read(reply);

        Assert.Null(read.Error);
        Assert.Equal(2.4, read.Estimate!.EstimatedTimeMin);
        Assert.Equal((DrawingUnits?)DrawingUnits.Millimetres, read.Estimate.DrawingUnits);
        Assert.Null(read.Estimate.DrawingNumber);
        Assert.Null(read.Estimate.PartName);
        Assert.Equal(
            ["drawing_number is missing", "part_name is missing", "drawing_units is missing"],
            read.Warnings.Where(w => w.Code == EstimateWarning.FilledWithDefault).Select(w => w.Message[..w.Message.IndexOf(';', StringComparison.Ordinal)]));
    }

    [Fact]
    public void Missing_fields_are_filled_from_the_text_layer_where_it_says_them()
    {
        var facts = TextLayerFacts(units: "inch", drawingNumber: "ODRI-MS-01", partName: "Motor Shaft");

        var read = EstimateReader.Read(SampleEstimates.OriginalShape().ToJsonString(), facts);

        Assert.Equal((DrawingUnits?)DrawingUnits.Inches, read.Estimate!.DrawingUnits);
        Assert.Equal(("ODRI-MS-01", "Motor Shaft"), (read.Estimate.DrawingNumber, read.Estimate.PartName));
        Assert.Equal(101.6, read.Estimate.MaxDiameterMm); // 4 in, converted as for any inch drawing
        Assert.Equal(3, read.Warnings.Count(w => w.Code == EstimateWarning.FilledFromTextLayer));
        Assert.Contains(read.Warnings, w => w.Code == EstimateWarning.InchConverted);
    }

    [Fact]
    public void A_reply_with_only_a_breakdown_takes_its_sum_as_the_time_and_cautious_defaults()
    {
        var reply = new JsonObject
        {
            ["breakdown"] = new JsonArray(
                new JsonObject { ["operation"] = "Soustružení", ["time_min"] = 1.5 },
                new JsonObject { ["operation"] = "Vrtání", ["time_min"] = "0,5" }),
        };

        var read = EstimateReader.Read(reply.ToJsonString());

        Assert.Null(read.Error);
        Assert.Equal(2.0, read.Estimate!.EstimatedTimeMin);
        Assert.Equal((Confidence.Low, Complexity.Medium, PartType.Combined), (read.Estimate.Confidence, read.Estimate.Complexity, read.Estimate.PartType));
        Assert.Equal(["Soustružení", "Vrtání"], read.Estimate.Operations);
        Assert.Contains(read.Warnings, w => w.Code == EstimateWarning.TotalFromBreakdown);
    }

    [Fact]
    public void Values_in_another_case_or_as_text_are_read_and_unusable_ones_replaced_with_a_warning()
    {
        var reply = Mutate(e =>
        {
            e["part_type"] = "rot";
            e["confidence"] = "High";
            e["estimated_time_min"] = "2.4";
            e["drawing_units"] = "millimeters";
            e["complexity"] = "very hard";
            e["price_eur"] = 12;
        });

        var read = EstimateReader.Read(reply);

        Assert.Equal((PartType.Rot, Confidence.High, 2.4), (read.Estimate!.PartType, read.Estimate.Confidence, read.Estimate.EstimatedTimeMin));
        Assert.Equal((DrawingUnits?)DrawingUnits.Millimetres, read.Estimate.DrawingUnits);
        Assert.Equal(Complexity.Medium, read.Estimate.Complexity);
        Assert.Contains(read.Warnings, w => w.Code == EstimateWarning.FilledWithDefault && w.Message.StartsWith("complexity \"very hard\" does not fit", StringComparison.Ordinal));
        Assert.Contains(read.Warnings, w => w.Code == EstimateWarning.IgnoredUnknownFields && w.Message.Contains("price_eur", StringComparison.Ordinal));
    }

    [Fact]
    public void A_complete_reply_gets_no_warning()
    {
        Assert.Empty(EstimateReader.Read(SampleEstimates.ShaftJson()).Warnings);
    }

    private static TimeVision.Core.Estimating.Facts.PageFacts TextLayerFacts(string units, string drawingNumber, string partName)
    {
        var box = new TimeVision.Core.Estimating.Facts.TextBox(0, 0, 1, 1);
        TimeVision.Core.Estimating.Facts.DrawingFact Fact(string value) => new(value, TimeVision.Core.Estimating.Facts.FactConfidence.High, new TimeVision.Core.Estimating.Facts.FactSource(1, value, box));
        return new TimeVision.Core.Estimating.Facts.PageFacts
        {
            Page = 1,
            WordCount = 40,
            TitleBlock = new TimeVision.Core.Estimating.Facts.TitleBlockFacts { Units = Fact(units), DrawingNumber = Fact(drawingNumber), PartName = Fact(partName) },
        };
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
