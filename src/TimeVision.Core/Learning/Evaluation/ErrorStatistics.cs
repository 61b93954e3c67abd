namespace TimeVision.Core.Learning.Evaluation;

/// <summary>The statistics of estimate errors against actual times, as percentages of the actual.</summary>
public static class ErrorStatistics
{
    /// <summary>Signed error in percent of the actual: (estimate − actual) / actual × 100.</summary>
    public static double PercentError(double estimate, double actual) => (estimate - actual) / actual * 100;

    /// <summary>Mean absolute percentage error.</summary>
    public static double Mape(IReadOnlyList<double> percentErrors) => percentErrors.Count == 0 ? double.NaN : percentErrors.Average(Math.Abs);

    /// <summary>Median absolute percentage error.</summary>
    public static double MedianApe(IReadOnlyList<double> percentErrors) => Median(percentErrors.Select(Math.Abs).ToList());

    /// <summary>Share (0–1) of estimates within ±<paramref name="percent"/> % of the actual.</summary>
    public static double ShareWithin(IReadOnlyList<double> percentErrors, double percent) =>
        percentErrors.Count == 0 ? double.NaN : (double)percentErrors.Count(e => Math.Abs(e) <= percent) / percentErrors.Count;

    /// <summary>Mean signed percentage error: above zero the model overestimates.</summary>
    public static double Bias(IReadOnlyList<double> percentErrors) => percentErrors.Count == 0 ? double.NaN : percentErrors.Average();

    /// <summary>The median; the mean of the middle two for an even count.</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>Spearman's rank correlation (ties get their mean rank): does the model order parts by effort?</summary>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException("The two series differ in length.", nameof(y));
        }

        return x.Count < 3 ? double.NaN : Pearson(Ranks(x), Ranks(y));
    }

    /// <summary>
    /// A percentile bootstrap confidence interval of the mean of <paramref name="differences"/> (e.g. per-document
    /// absolute-error differences between two models, whose mean is their MAPE difference), with a fixed seed so the
    /// report is reproducible.
    /// </summary>
    public static (double Low, double High) BootstrapMeanInterval(IReadOnlyList<double> differences, int resamples = 5000, double level = 0.95, int seed = 20261127)
    {
        ArgumentNullException.ThrowIfNull(differences);
        if (differences.Count < 2)
        {
            return (double.NaN, double.NaN);
        }

        var random = new Random(seed);
        var means = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            double sum = 0;
            for (var i = 0; i < differences.Count; i++)
            {
                sum += differences[random.Next(differences.Count)];
            }

            means[r] = sum / differences.Count;
        }

        Array.Sort(means);
        var tail = (1 - level) / 2;
        return (means[(int)Math.Floor(tail * (resamples - 1))], means[(int)Math.Ceiling((1 - tail) * (resamples - 1))]);
    }

    private static double[] Ranks(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }

            var rank = ((start + end) / 2.0) + 1;
            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = rank;
            }

            start = end + 1;
        }

        return ranks;
    }

    private static double Pearson(double[] x, double[] y)
    {
        var meanX = x.Average();
        var meanY = y.Average();
        double covariance = 0, varianceX = 0, varianceY = 0;
        for (var i = 0; i < x.Length; i++)
        {
            covariance += (x[i] - meanX) * (y[i] - meanY);
            varianceX += (x[i] - meanX) * (x[i] - meanX);
            varianceY += (y[i] - meanY) * (y[i] - meanY);
        }

        return varianceX == 0 || varianceY == 0 ? double.NaN : covariance / Math.Sqrt(varianceX * varianceY);
    }
}
