using TimeVision.Core.Estimating.Estimates;
using TimeVision.Testing.FakeOpenAI;

namespace TimeVision.Core.Tests.Estimates;

public sealed class EstimateNormalizerTests
{
    [Fact]
    public void An_inch_drawing_is_converted_to_millimetres_with_a_warning()
    {
        var read = EstimateReader.Read(SampleEstimates.Shaft(units: "inch", diameter: 6.6, length: 2.5).ToJsonString());

        Assert.Equal(167.64, read.Estimate!.MaxDiameterMm);
        Assert.Equal(63.5, read.Estimate.MaxLengthMm);
        Assert.Null(read.Estimate.MaxWidthMm);
        Assert.Equal(EstimateWarning.InchConverted, Assert.Single(read.Warnings).Code);
    }

    [Fact]
    public void A_metric_drawing_is_left_as_it_is()
    {
        var read = EstimateReader.Read(SampleEstimates.ShaftJson(units: "mm"));

        Assert.Equal(4, read.Estimate!.MaxDiameterMm);
        Assert.Empty(read.Warnings);
    }

    [Fact]
    public void A_total_within_one_percent_of_the_breakdown_is_kept()
    {
        var read = EstimateReader.Read(SampleEstimates.ShaftJson(total: 2.42, breakdown: [0.9, 1.2, 0.3]));

        Assert.Equal(2.42, read.Estimate!.EstimatedTimeMin);
        Assert.Empty(read.Warnings);
    }

    [Fact]
    public void A_total_off_by_more_than_one_percent_is_replaced_by_the_breakdown_sum()
    {
        var read = EstimateReader.Read(SampleEstimates.ShaftJson(total: 3.0, breakdown: [0.9, 1.2, 0.3]));

        Assert.Equal(2.4, read.Estimate!.EstimatedTimeMin, precision: 6);
        var warning = Assert.Single(read.Warnings);
        Assert.Equal(EstimateWarning.TotalDiffersFromBreakdown, warning.Code);
        Assert.Contains("3", warning.Message, StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, string> { ["sumMin"] = "2.4", ["totalMin"] = "3" }, warning.Params);
    }

    [Fact]
    public void An_estimate_without_breakdown_keeps_its_total_and_says_it_was_unchecked()
    {
        var read = EstimateReader.Read(SampleEstimates.ShaftJson(total: 5, breakdown: []));

        Assert.Equal(5, read.Estimate!.EstimatedTimeMin);
        Assert.Equal(EstimateWarning.NoBreakdown, Assert.Single(read.Warnings).Code);
    }
}
