using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Learning.Calibration;

namespace TimeVision.Core.Tests.Calibration;

/// <summary>The fit of the shop's factors per kind on generated parts: exact, robust to mistyped times, clamped, and 1 for a kind seen too seldom.</summary>
public sealed class OperationFactorFitTests
{
    private static readonly Dictionary<FactorKind, double> Truth = new() { [FactorKind.Milling] = 1.4, [FactorKind.Drilling] = 0.7, [FactorKind.Deburring] = 2.0 };

    /// <summary>Parts with random milling, drilling and deburring minutes, and tapping in the first <paramref name="tapped"/> of them.</summary>
    private static List<FactorSample> Parts(int count, int tapped, Func<int, double> typo, int seed = 3, double tappingFactor = 1)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var minutes = new Dictionary<FactorKind, double>
            {
                [FactorKind.Milling] = 1 + (10 * random.NextDouble()), [FactorKind.Drilling] = 0.5 + (4 * random.NextDouble()), [FactorKind.Deburring] = 0.2 + random.NextDouble(),
            };
            if (i < tapped)
            {
                minutes[FactorKind.Tapping] = 1 + random.NextDouble();
            }

            var real = minutes.Sum(m => m.Value * (m.Key == FactorKind.Tapping ? tappingFactor : Truth[m.Key])) * (1 + (0.02 * ((2 * random.NextDouble()) - 1)));
            return new FactorSample(minutes, real * typo(i));
        })];
    }

    [Fact]
    public void Factors_are_given_back_from_labels_with_a_little_noise()
    {
        var fit = OperationFactorFit.Fit(Parts(60, tapped: 0, typo: _ => 1));

        Assert.All(fit, f => Assert.InRange(f.Factor / Truth[f.Kind], 0.97, 1.03));
        Assert.All(fit, f => Assert.True(f.Fitted));
    }

    [Fact]
    public void A_few_mistyped_times_pull_the_factors_little()
    {
        var clean = OperationFactorFit.Fit(Parts(60, tapped: 0, typo: _ => 1));
        var mistyped = OperationFactorFit.Fit(Parts(60, tapped: 0, typo: i => i % 15 == 4 ? 10 : 1));
        var meanRatio = Parts(60, tapped: 0, typo: i => i % 15 == 4 ? 10 : 1).Average(s => s.Actual) / Parts(60, tapped: 0, typo: _ => 1).Average(s => s.Actual);

        Assert.All(mistyped, f => Assert.InRange(f.Factor / clean.Single(c => c.Kind == f.Kind).Factor, 0.98, 1.02));
        Assert.True(meanRatio > 1.3, "four labels in sixty ten times too large move the mean a lot: the test shows something");
    }

    [Fact]
    public void A_kind_in_fewer_parts_than_the_minimum_keeps_1_and_the_others_are_still_fitted()
    {
        var fit = OperationFactorFit.Fit(Parts(60, tapped: OperationFactorFit.MinSamples - 1, typo: _ => 1, tappingFactor: 1));

        var tapping = Assert.Single(fit, f => f.Kind == FactorKind.Tapping);
        Assert.Equal((1.0, false, OperationFactorFit.MinSamples - 1), (tapping.Factor, tapping.Fitted, tapping.Samples));
        Assert.All(fit.Where(f => f.Kind != FactorKind.Tapping), f => Assert.InRange(f.Factor / Truth[f.Kind], 0.97, 1.03));
    }

    [Fact]
    public void A_factor_past_the_clamp_is_held_at_it()
    {
        var fit = OperationFactorFit.Fit(Parts(60, tapped: 60, typo: _ => 1, tappingFactor: 12));

        Assert.Equal(OperationFactorFit.MaxFactor, Assert.Single(fit, f => f.Kind == FactorKind.Tapping).Factor);
    }

    [Fact]
    public void No_labels_give_no_factors()
    {
        Assert.Empty(OperationFactorFit.Fit([]));
    }
}
