namespace TimeVision.Core.Learning.Evaluation;

/// <summary>MAPE of one group of documents.</summary>
/// <param name="Group">The group's value, e.g. <c>ROT</c>.</param>
/// <param name="Documents">Documents estimated in the group.</param>
/// <param name="Mape">Their MAPE.</param>
public sealed record GroupScore(string Group, int Documents, double Mape);

/// <summary>How one model did.</summary>
public sealed record ModelSummary
{
    /// <summary>The model.</summary>
    public required string Model { get; init; }

    /// <summary>Documents in the set.</summary>
    public required int Documents { get; init; }

    /// <summary>Documents with a complete estimate (the ones the error figures cover).</summary>
    public required int Estimated { get; init; }

    /// <summary>Documents the budget left unrun.</summary>
    public required int NotRun { get; init; }

    /// <summary>Pages completed of pages asked.</summary>
    public required double PageCoverage { get; init; }

    /// <summary>Mean absolute percentage error.</summary>
    public required double Mape { get; init; }

    /// <summary>Median absolute percentage error.</summary>
    public required double MedianApe { get; init; }

    /// <summary>Share within ±20 %.</summary>
    public required double Within20 { get; init; }

    /// <summary>Share within ±30 %.</summary>
    public required double Within30 { get; init; }

    /// <summary>Mean signed percentage error.</summary>
    public required double Bias { get; init; }

    /// <summary>Spearman rank correlation of estimates with actual times.</summary>
    public required double Spearman { get; init; }

    /// <summary>Mean tokens (input + output) per drawing.</summary>
    public required double MeanTokens { get; init; }

    /// <summary>Mean cost per drawing in USD; <see langword="null"/> without a configured price.</summary>
    public required double? MeanCostUsd { get; init; }

    /// <summary>Mean model time per drawing.</summary>
    public required double MeanLatencyMs { get; init; }

    /// <summary>MAPE by part type.</summary>
    public required IReadOnlyList<GroupScore> ByPartType { get; init; }

    /// <summary>MAPE by complexity.</summary>
    public required IReadOnlyList<GroupScore> ByComplexity { get; init; }

    /// <summary>MAPE by material group.</summary>
    public required IReadOnlyList<GroupScore> ByMaterial { get; init; }
}

/// <summary>Two models on the documents both estimated.</summary>
/// <param name="First">One model.</param>
/// <param name="Second">The other.</param>
/// <param name="Documents">Documents both estimated.</param>
/// <param name="FirstWins">Documents where the first model's absolute error is smaller.</param>
/// <param name="SecondWins">Documents where the second's is.</param>
/// <param name="Ties">Equal errors.</param>
/// <param name="MapeDifference">MAPE(first) − MAPE(second), in percentage points; below zero the first is better.</param>
/// <param name="IntervalLow">Lower end of its 95 % bootstrap interval.</param>
/// <param name="IntervalHigh">Upper end.</param>
/// <param name="Verdict">What the interval supports.</param>
public sealed record PairwiseComparison(
    string First, string Second, int Documents, int FirstWins, int SecondWins, int Ties, double MapeDifference, double IntervalLow, double IntervalHigh, string Verdict);

/// <summary>The evaluation's figures: per model and per pair.</summary>
/// <param name="Models">Per model, in the order asked.</param>
/// <param name="Pairs">Per pair of models.</param>
public sealed record EvaluationReport(IReadOnlyList<ModelSummary> Models, IReadOnlyList<PairwiseComparison> Pairs)
{
    /// <summary>Computes the figures of a run.</summary>
    public static EvaluationReport From(EvaluationRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var models = run.Models.Select(model => Summarize(model, run.Results.Where(r => r.Model == model).ToList())).ToList();
        var pairs = new List<PairwiseComparison>();
        for (var i = 0; i < run.Models.Count; i++)
        {
            for (var j = i + 1; j < run.Models.Count; j++)
            {
                pairs.Add(Compare(run.Models[i], run.Models[j], run.Results));
            }
        }

        return new EvaluationReport(models, pairs);
    }

    private static ModelSummary Summarize(string model, List<ModelDocumentResult> rows)
    {
        var estimated = rows.Where(r => r.PercentError is not null).ToList();
        var errors = estimated.Select(r => r.PercentError!.Value).ToList();
        var run = rows.Where(r => r.Status != EvaluationStatus.NotRunBudget).ToList();
        return new ModelSummary
        {
            Model = model,
            Documents = rows.Count,
            Estimated = estimated.Count,
            NotRun = rows.Count - run.Count,
            PageCoverage = run.Sum(r => r.PagesTotal) == 0 ? double.NaN : (double)run.Sum(r => r.PagesCompleted) / run.Sum(r => r.PagesTotal),
            Mape = ErrorStatistics.Mape(errors),
            MedianApe = ErrorStatistics.MedianApe(errors),
            Within20 = ErrorStatistics.ShareWithin(errors, 20),
            Within30 = ErrorStatistics.ShareWithin(errors, 30),
            Bias = ErrorStatistics.Bias(errors),
            Spearman = ErrorStatistics.Spearman([.. estimated.Select(r => r.EstimatedMinutes!.Value)], [.. estimated.Select(r => r.ActualMinutes)]),
            MeanTokens = run.Count == 0 ? double.NaN : run.Average(r => (double)(r.InputTokens + r.OutputTokens)),
            MeanCostUsd = run.Count == 0 || run.Any(r => r.CostUsd is null) ? null : run.Average(r => r.CostUsd!.Value),
            MeanLatencyMs = run.Count == 0 ? double.NaN : run.Average(r => (double)r.LatencyMs),
            ByPartType = Groups(estimated, r => r.PartType),
            ByComplexity = Groups(estimated, r => r.Complexity),
            ByMaterial = Groups(estimated, r => r.MaterialGroup),
        };
    }

    private static List<GroupScore> Groups(List<ModelDocumentResult> estimated, Func<ModelDocumentResult, string> key) =>
        [.. estimated.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new GroupScore(g.Key, g.Count(), ErrorStatistics.Mape([.. g.Select(r => r.PercentError!.Value)])))];

    private static PairwiseComparison Compare(string first, string second, IReadOnlyList<ModelDocumentResult> results)
    {
        var a = results.Where(r => r.Model == first && r.PercentError is not null).ToDictionary(r => r.DocumentId, r => Math.Abs(r.PercentError!.Value));
        var b = results.Where(r => r.Model == second && r.PercentError is not null).ToDictionary(r => r.DocumentId, r => Math.Abs(r.PercentError!.Value));
        var shared = a.Keys.Intersect(b.Keys).Order(StringComparer.Ordinal).ToList();
        var differences = shared.Select(id => a[id] - b[id]).ToList();
        var mean = differences.Count == 0 ? double.NaN : differences.Average();
        var (low, high) = ErrorStatistics.BootstrapMeanInterval(differences);
        var verdict = differences.Count < 2 ? "too few documents both estimated to compare"
            : high < 0 ? $"{first} is better: its MAPE is lower by {-mean:0.0} points (95 % interval {-high:0.0} to {-low:0.0})"
            : low > 0 ? $"{second} is better: its MAPE is lower by {mean:0.0} points (95 % interval {low:0.0} to {high:0.0})"
            : $"no clear difference: the 95 % interval of the MAPE difference ({low:0.0} to {high:0.0} points) includes zero";
        return new PairwiseComparison(
            first, second, shared.Count,
            differences.Count(d => d < 0), differences.Count(d => d > 0), differences.Count(d => d == 0),
            mean, low, high, verdict);
    }
}
