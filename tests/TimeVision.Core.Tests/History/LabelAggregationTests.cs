using TimeVision.Core.Learning.History;

namespace TimeVision.Core.Tests.History;

public sealed class LabelAggregationTests
{
    [Fact]
    public void The_median_of_an_odd_count_is_the_middle_value()
    {
        // Sorted: 9, 10, 11, 12, 40 → 11.
        var (value, spread) = LabelAggregator.Aggregate([12, 9, 40, 11, 10], LabelAggregation.Median);

        Assert.Equal(11, value);
        Assert.Equal((9, 40, 0), (spread.Min, spread.Max, spread.Dropped));
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_two_middle_values()
    {
        // Sorted: 2.5, 3, 4, 10 → (3 + 4) / 2 = 3.5.
        var (value, _) = LabelAggregator.Aggregate([10, 3, 2.5, 4], LabelAggregation.Median);

        Assert.Equal(3.5, value);
    }

    [Fact]
    public void The_trimmed_mean_drops_the_top_and_bottom_fifth()
    {
        // Ten values: 20 % of 10 = 2 dropped from each end (1, 2 and 50, 90); the mean of 5, 6, 7, 8, 9, 10 is 45 / 6 = 7.5.
        var (value, spread) = LabelAggregator.Aggregate([90, 5, 1, 6, 7, 50, 8, 2, 9, 10], LabelAggregation.TrimmedMean);

        Assert.Equal(7.5, value);
        Assert.Equal(4, spread.Dropped);
        Assert.Equal((1, 90), (spread.Min, spread.Max));
    }

    [Fact]
    public void The_trimmed_mean_of_fewer_than_five_values_drops_nothing()
    {
        // 20 % of 4 rounds down to 0: the plain mean (3 + 4 + 5 + 12) / 4 = 6.
        var (value, spread) = LabelAggregator.Aggregate([3, 4, 5, 12], LabelAggregation.TrimmedMean);

        Assert.Equal(6, value);
        Assert.Equal(0, spread.Dropped);
    }

    [Fact]
    public void Values_are_rounded_to_a_thousandth_and_the_spread_has_the_sample_deviation()
    {
        // Mean 2; deviations −1, 0, 1 → sample variance 2 / 2 = 1.
        var (value, spread) = LabelAggregator.Aggregate([1, 2, 3], LabelAggregation.Median);
        var (third, _) = LabelAggregator.Aggregate([1.0 / 3], LabelAggregation.Median);

        Assert.Equal(2, value);
        Assert.Equal(1, spread.StandardDeviation);
        Assert.Equal(0.333, third);
    }
}
