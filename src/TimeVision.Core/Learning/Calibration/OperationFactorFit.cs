using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Core.Learning.Calibration;

/// <summary>One labelled part as the fit sees it: the engine's minutes per kind and the shop's real minutes.</summary>
/// <param name="Minutes">The engine's minutes by factor kind.</param>
/// <param name="Actual">The real minutes (above 0).</param>
public sealed record FactorSample(IReadOnlyDictionary<FactorKind, double> Minutes, double Actual);

/// <summary>One kind's learned factor.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Factor">Its factor on the engine's minutes; 1 when it was not fitted.</param>
/// <param name="Samples">Parts in which the kind carries at least <see cref="OperationFactorFit.MinShare"/> of the engine's minutes.</param>
/// <param name="Fitted">Whether the factor was fitted; <see langword="false"/>: too few samples, so the engine's own minutes stand (1).</param>
public sealed record KindFactor(FactorKind Kind, double Factor, int Samples, bool Fitted);

/// <summary>
/// Fits the shop's factors per kind: real ≈ Σ factor<sub>k</sub> × engine minutes<sub>k</sub> over the labelled parts.
/// <list type="bullet">
/// <item>Relative least squares: each part weighs 1 / real², so a 2-minute part counts as much as a 200-minute one.</item>
/// <item>Robust: iteratively reweighted with Huber's weights (k = 1.345 × the median absolute relative residual ×
/// 1.4826), so a mistyped time pulls its factor little.</item>
/// <item>Ridge towards 1, the engine as published, with the weight of <see cref="Shrinkage"/> typical parts of the
/// kind: a factor moves only as far as the labels carry it.</item>
/// <item>Clamped to [<see cref="MinFactor"/>, <see cref="MaxFactor"/>], solved exactly (an active-set method on the normal equations).</item>
/// <item>A kind in fewer than <see cref="MinSamples"/> parts (with at least <see cref="MinShare"/> of their minutes)
/// keeps 1 and is not fitted: its minutes count as the engine gives them.</item>
/// </list>
/// </summary>
public static class OperationFactorFit
{
    /// <summary>Parts a kind needs, each with at least <see cref="MinShare"/> of the part's engine minutes, before it gets a factor of its own.</summary>
    public const int MinSamples = 8;

    /// <summary>The share of a part's engine minutes a kind must have for the part to count as one of its samples.</summary>
    public const double MinShare = 0.05;

    /// <summary>How many typical parts' worth of weight pulls each factor towards 1.</summary>
    public const double Shrinkage = 0.25;

    /// <summary>The smallest factor.</summary>
    public const double MinFactor = 0.2;

    /// <summary>The largest factor.</summary>
    public const double MaxFactor = 5;

    private const int RobustRounds = 10;
    private const double HuberK = 1.345;

    /// <summary>The factor of every kind the samples have minutes of, fitted or not.</summary>
    /// <param name="samples">The labelled parts (a real time of 0 or less is left out).</param>
    public static IReadOnlyList<KindFactor> Fit(IReadOnlyList<FactorSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var usable = samples.Where(s => s.Actual > 0 && s.Minutes.Values.Sum() > 0).ToList();
        var kinds = usable.SelectMany(s => s.Minutes.Where(m => m.Value > 0).Select(m => m.Key)).Distinct().Order().ToList();
        var counts = kinds.ToDictionary(k => k, k => usable.Count(s => s.Minutes.GetValueOrDefault(k) >= MinShare * s.Minutes.Values.Sum()));
        var fitted = kinds.Where(k => counts[k] >= MinSamples).ToList();
        var factors = fitted.Count == 0 ? [] : Solve(usable, fitted);
        return [.. kinds.Select(k => new KindFactor(k, factors.GetValueOrDefault(k, 1), counts[k], fitted.Contains(k)))];
    }

    /// <summary>The calibrated minutes of <paramref name="minutes"/> with <paramref name="factors"/> (1 for a kind without one).</summary>
    /// <param name="minutes">The engine's minutes by kind.</param>
    /// <param name="factors">The fitted factors.</param>
    public static double Predict(IReadOnlyDictionary<FactorKind, double> minutes, IReadOnlyList<KindFactor> factors)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        ArgumentNullException.ThrowIfNull(factors);
        return minutes.Sum(m => m.Value * (factors.FirstOrDefault(f => f.Kind == m.Key)?.Factor ?? 1));
    }

    private static Dictionary<FactorKind, double> Solve(List<FactorSample> samples, List<FactorKind> kinds)
    {
        // The minutes of kinds without a factor of their own are taken as the engine gives them.
        var x = samples.Select(s => kinds.Select(k => s.Minutes.GetValueOrDefault(k)).ToArray()).ToList();
        var y = samples.Select(s => s.Actual - s.Minutes.Where(m => !kinds.Contains(m.Key)).Sum(m => m.Value)).ToArray();
        var robust = Enumerable.Repeat(1.0, samples.Count).ToArray();
        var beta = Enumerable.Repeat(1.0, kinds.Count).ToArray();
        for (var round = 0; round < RobustRounds; round++)
        {
            var weights = samples.Select((s, i) => robust[i] / (s.Actual * s.Actual)).ToArray();
            beta = BoxedRidge.Solve(x, y, weights, kinds.Count, Shrinkage, MinFactor, MaxFactor);
            var next = HuberWeights(samples.Select((s, i) => (y[i] - Dot(x[i], beta)) / s.Actual).ToArray());
            if (next is null || next.Zip(robust).All(p => Math.Abs(p.First - p.Second) < 1e-6))
            {
                break;
            }

            robust = next;
        }

        return kinds.Select((k, j) => (k, beta[j])).ToDictionary(p => p.k, p => p.Item2);
    }

    /// <summary>Huber's weights of relative residuals, or <see langword="null"/> when they fit exactly (nothing to reweigh).</summary>
    private static double[]? HuberWeights(double[] residuals)
    {
        var scale = 1.4826 * Median(residuals.Select(Math.Abs).ToArray());
        if (scale < 1e-12)
        {
            return null;
        }

        var limit = HuberK * scale;
        return [.. residuals.Select(r => Math.Abs(r) <= limit ? 1 : limit / Math.Abs(r))];
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static double Dot(double[] x, double[] beta) => x.Select((v, j) => v * beta[j]).Sum();
}
