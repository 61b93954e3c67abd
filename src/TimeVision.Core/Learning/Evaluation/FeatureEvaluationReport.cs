using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Core.Learning.Evaluation;

/// <summary>How one model read one feature type over the set.</summary>
/// <param name="Type">The feature type; <see langword="null"/> for every type together.</param>
/// <param name="Confirmed">Confirmed features of the type.</param>
/// <param name="Read">Features of the type read, within the labels' scope.</param>
/// <param name="Matched">Pairs.</param>
/// <param name="Precision">Matched / read (NaN when nothing was read).</param>
/// <param name="Recall">Matched / confirmed (NaN when nothing was confirmed).</param>
/// <param name="WrongCounts">Pairs whose count is wrong.</param>
/// <param name="MeanAbsoluteCountError">Mean |read count − confirmed count| over the pairs.</param>
/// <param name="SizesCompared">Sizes both sides of a pair gave.</param>
/// <param name="MeanSizeError">Mean absolute size error, in percent of the confirmed size.</param>
/// <param name="MedianSizeError">Median absolute size error, in percent.</param>
public sealed record FeatureTypeSummary(
    FeatureType? Type, int Confirmed, int Read, int Matched, double Precision, double Recall, int WrongCounts, double MeanAbsoluteCountError,
    int SizesCompared, double MeanSizeError, double MedianSizeError);

/// <summary>How one model read the set.</summary>
public sealed record FeatureModelSummary
{
    /// <summary>The model.</summary>
    public required string Model { get; init; }

    /// <summary>Documents in the set.</summary>
    public required int Documents { get; init; }

    /// <summary>Documents the model read.</summary>
    public required int ReadDocuments { get; init; }

    /// <summary>Documents whose reading failed or was refused.</summary>
    public required int Failed { get; init; }

    /// <summary>Documents the budget left unread.</summary>
    public required int NotRun { get; init; }

    /// <summary>Every type together.</summary>
    public required FeatureTypeSummary Overall { get; init; }

    /// <summary>Per feature type, in the enum's order.</summary>
    public required IReadOnlyList<FeatureTypeSummary> ByType { get; init; }

    /// <summary>Documents with both plans.</summary>
    public required int Planned { get; init; }

    /// <summary>Mean absolute percentage error of the engine's minutes per piece from the model's features against those from the confirmed features.</summary>
    public required double CycleMape { get; init; }

    /// <summary>Its median.</summary>
    public required double CycleMedianApe { get; init; }

    /// <summary>Mean signed percentage error (above 0: the reading makes the part take longer).</summary>
    public required double CycleBias { get; init; }

    /// <summary>Share of documents within ±10 %.</summary>
    public required double CycleWithin10 { get; init; }

    /// <summary>Mean tokens (input + output) per reading.</summary>
    public required double MeanTokens { get; init; }

    /// <summary>Mean cost per reading in USD; <see langword="null"/> without a configured price.</summary>
    public required double? MeanCostUsd { get; init; }
}

/// <summary>A features evaluation's figures, per model and feature type.</summary>
/// <param name="Models">Per model, in the order asked.</param>
public sealed record FeatureEvaluationReport(IReadOnlyList<FeatureModelSummary> Models)
{
    /// <summary>The figures of <paramref name="run"/>: only readings count (a failed or unrun one is counted, not scored).</summary>
    /// <param name="run">The run.</param>
    public static FeatureEvaluationReport From(FeatureEvaluationRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new FeatureEvaluationReport([.. run.Models.Select(model => Summarize(model, [.. run.Results.Where(r => r.Model == model)]))]);
    }

    private static FeatureModelSummary Summarize(string model, List<FeatureDocumentResult> rows)
    {
        var tallies = rows.Where(r => r.Score is not null).SelectMany(r => r.Score!.Types).ToList();
        var cycle = rows.Select(r => r.CyclePercentError).OfType<double>().ToList();
        var read = rows.Where(r => r.Status == EvaluationStatus.Completed).ToList();
        return new FeatureModelSummary
        {
            Model = model,
            Documents = rows.Count,
            ReadDocuments = read.Count,
            Failed = rows.Count(r => r.Status == EvaluationStatus.Incomplete),
            NotRun = rows.Count(r => r.Status == EvaluationStatus.NotRunBudget),
            Overall = Summarize(null, tallies),
            ByType = [.. tallies.Select(t => t.Type).Distinct().Order().Select(type => Summarize(type, [.. tallies.Where(t => t.Type == type)]))],
            Planned = cycle.Count,
            CycleMape = ErrorStatistics.Mape(cycle),
            CycleMedianApe = ErrorStatistics.MedianApe(cycle),
            CycleBias = ErrorStatistics.Bias(cycle),
            CycleWithin10 = ErrorStatistics.ShareWithin(cycle, 10),
            MeanTokens = read.Count == 0 ? double.NaN : read.Average(r => (double)(r.InputTokens + r.OutputTokens)),
            MeanCostUsd = read.Count == 0 || read.Any(r => r.CostUsd is null) ? null : read.Average(r => r.CostUsd!.Value),
        };
    }

    /// <summary>One row from tallies of one type (or of every type, <paramref name="type"/> <see langword="null"/>).</summary>
    private static FeatureTypeSummary Summarize(FeatureType? type, List<FeatureTypeTally> tallies)
    {
        var (confirmed, read, matched) = (tallies.Sum(t => t.Confirmed), tallies.Sum(t => t.Read), tallies.Sum(t => t.Matched));
        var countErrors = tallies.SelectMany(t => t.CountErrors).Select(e => (double)Math.Abs(e)).ToList();
        var sizeErrors = tallies.SelectMany(t => t.Sizes).Select(s => s.PercentError).ToList();
        return new FeatureTypeSummary(
            type,
            confirmed,
            read,
            matched,
            read == 0 ? double.NaN : (double)matched / read,
            confirmed == 0 ? double.NaN : (double)matched / confirmed,
            tallies.Sum(t => t.WrongCounts),
            countErrors.Count == 0 ? double.NaN : countErrors.Average(),
            sizeErrors.Count,
            sizeErrors.Count == 0 ? double.NaN : sizeErrors.Average(),
            ErrorStatistics.Median(sizeErrors));
    }
}
