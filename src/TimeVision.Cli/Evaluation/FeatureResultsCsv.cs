using CsvHelper;
using TimeVision.Core.Json;
using TimeVision.Core.Learning.Evaluation;

namespace TimeVision.Cli.Evaluation;

/// <summary>
/// Writes a features evaluation's <c>features-results.csv</c>: one row per document, model and feature type (a reading
/// that failed or was not run has one row with no type), formula-safe as <see cref="ResultsCsv"/> is.
/// </summary>
internal static class FeatureResultsCsv
{
    /// <summary>The file name.</summary>
    public const string FileName = "features-results.csv";

    private static readonly string[] Header =
    [
        "document_id", "file", "drawing", "model", "label_source", "status", "type", "confirmed", "read", "matched", "wrong_counts",
        "count_errors", "sizes_compared", "mean_size_error_pct", "confirmed_cycle_min", "read_cycle_min", "cycle_error_pct", "input_tokens", "output_tokens",
        "cost_usd", "new_calls", "error",
    ];

    public static async Task WriteAsync(string path, FeatureEvaluationRun run, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.ToFile(path, ResultsCsv.Options);
        csv.WriteHeader(Header);
        foreach (var r in run.Results)
        {
            var rows = r.Score is { } score ? score.Types.Select(t => (FeatureTypeTally?)t).ToList() : [(FeatureTypeTally?)null];
            foreach (var tally in rows)
            {
                csv.WriteField(r.DocumentId);
                csv.WriteField(r.FileName);
                csv.WriteField(r.Drawing);
                csv.WriteField(r.Model);
                csv.WriteField(JsonCode.Of(r.LabelSource));
                csv.WriteField(JsonCode.Of(r.Status));
                csv.WriteField(tally is null ? null : JsonCode.Of(tally.Type));
                csv.WriteField(tally?.Confirmed, string.Empty);
                csv.WriteField(tally?.Read, string.Empty);
                csv.WriteField(tally?.Matched, string.Empty);
                csv.WriteField(tally?.WrongCounts, string.Empty);
                csv.WriteField(tally is null ? null : string.Join(' ', tally.CountErrors.Select(e => e.ToString("+0;-0;0", ResultsCsv.Options.FormatProvider))));
                csv.WriteField(tally?.Sizes.Count, string.Empty);
                csv.WriteField(Finite(tally is { Sizes.Count: > 0 } t ? t.Sizes.Average(s => s.PercentError) : null), "0.###");
                csv.WriteField(Finite(r.ConfirmedCycleMin), "0.####");
                csv.WriteField(Finite(r.ReadCycleMin), "0.####");
                csv.WriteField(Finite(r.CyclePercentError), "0.###");
                csv.WriteField(r.InputTokens, string.Empty);
                csv.WriteField(r.OutputTokens, string.Empty);
                csv.WriteField(Finite(r.CostUsd), "0.######");
                csv.WriteField(r.NewCalls, string.Empty);
                csv.WriteField(r.Error);
                await csv.EndRecordAsync(cancellationToken);
            }
        }
    }

    private static double? Finite(double? value) => value is { } number && double.IsFinite(number) ? number : null;
}
