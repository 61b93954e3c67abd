using TimeVision.Core.Learning.Evaluation;

namespace TimeVision.Core.Tests.Evaluation;

/// <summary>The error figures against hand-computed fixtures.</summary>
public sealed class ErrorStatisticsTests
{
    // (estimate, actual): +10 %, −20 %, +50 %, 0 %.
    private static readonly double[] Errors =
        [ErrorStatistics.PercentError(11, 10), ErrorStatistics.PercentError(8, 10), ErrorStatistics.PercentError(15, 10), ErrorStatistics.PercentError(10, 10)];

    [Fact]
    public void Mape_median_shares_and_bias_match_the_hand_computed_values()
    {
        Assert.Equal([10, -20, 50, 0], Errors, new ToleranceComparer(1e-9));
        Assert.Equal(20, ErrorStatistics.Mape(Errors), precision: 9);          // (10 + 20 + 50 + 0) / 4
        Assert.Equal(15, ErrorStatistics.MedianApe(Errors), precision: 9);     // median of 0, 10, 20, 50
        Assert.Equal(0.75, ErrorStatistics.ShareWithin(Errors, 20), precision: 9); // ±20 % is inclusive
        Assert.Equal(0.75, ErrorStatistics.ShareWithin(Errors, 30), precision: 9);
        Assert.Equal(10, ErrorStatistics.Bias(Errors), precision: 9);          // (10 − 20 + 50 + 0) / 4
    }

    [Fact]
    public void Spearman_uses_mean_ranks_for_ties()
    {
        // Ranks of y: 1, 2, 3.5, 5, 3.5 → ρ = 8 / √(10 · 9.5).
        Assert.Equal(8 / Math.Sqrt(95), ErrorStatistics.Spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]), precision: 9);
        Assert.Equal(1, ErrorStatistics.Spearman([1, 2, 3, 4], [10, 20, 25, 90]), precision: 9);
        Assert.Equal(-1, ErrorStatistics.Spearman([1, 2, 3, 4], [4, 3, 2, 1]), precision: 9);
        Assert.True(double.IsNaN(ErrorStatistics.Spearman([1, 2], [2, 1])));
    }

    [Fact]
    public void The_bootstrap_interval_is_reproducible_and_holds_the_mean()
    {
        double[] differences = [-12, -8, -10, -15, -5, -9, -11, -7, -14, -6];

        var first = ErrorStatistics.BootstrapMeanInterval(differences);
        var second = ErrorStatistics.BootstrapMeanInterval(differences);
        var constant = ErrorStatistics.BootstrapMeanInterval([-5, -5, -5]);

        Assert.Equal(first, second);
        Assert.True(first.Low < differences.Average() && differences.Average() < first.High);
        Assert.True(first.High < 0);
        Assert.Equal((-5.0, -5.0), constant);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
