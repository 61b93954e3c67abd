using System.Globalization;
using CsvHelper;
using TimeVision.Core.Json;
using TimeVision.Core.Learning.Evaluation;

namespace TimeVision.Cli.Evaluation;

/// <summary>
/// Writes an evaluation's <c>results.csv</c>: RFC 4180 (CsvHelper), one row per document and model. People open it in
/// a spreadsheet, and its text comes from outside (file names, manifests, model ids), so it is formula-safe: a text
/// cell starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return gets a leading <c>'</c>
/// (OWASP's CSV injection advice), while numbers, negative errors among them, stay numbers.
/// </summary>
internal static class ResultsCsv
{
    /// <summary>The options every CSV the product writes uses.</summary>
    public static CsvWriterOptions Options { get; } = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        NewLine = "\n",
        FormatProvider = CultureInfo.InvariantCulture,
        WriteByteOrderMark = false,
    };

    private static readonly string[] Header =
    [
        "document_id", "file", "model", "status", "actual_min", "estimate_min", "error_pct", "abs_error_pct", "pages_completed", "pages_total",
        "input_tokens", "output_tokens", "cost_usd", "latency_ms", "new_calls", "part_type", "complexity", "material_group",
    ];

    public static async Task WriteAsync(string path, EvaluationRun run, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.ToFile(path, Options);
        csv.WriteHeader(Header);
        foreach (var r in run.Results)
        {
            csv.WriteField(r.DocumentId);
            csv.WriteField(r.FileName);
            csv.WriteField(r.Model);
            csv.WriteField(JsonCode.Of(r.Status));
            csv.WriteField(Finite(r.ActualMinutes), "0.###");
            csv.WriteField(Finite(r.EstimatedMinutes), "0.###");
            csv.WriteField(Finite(r.PercentError), "0.###");
            csv.WriteField(Finite(r.PercentError is { } error ? Math.Abs(error) : null), "0.###");
            csv.WriteField(r.PagesCompleted, string.Empty);
            csv.WriteField(r.PagesTotal, string.Empty);
            csv.WriteField(r.InputTokens, string.Empty);
            csv.WriteField(r.OutputTokens, string.Empty);
            csv.WriteField(Finite(r.CostUsd), "0.######");
            csv.WriteField(r.LatencyMs, string.Empty);
            csv.WriteField(r.NewCalls, string.Empty);
            csv.WriteField(r.PartType);
            csv.WriteField(r.Complexity);
            csv.WriteField(r.MaterialGroup);
            await csv.EndRecordAsync(cancellationToken);
        }
    }

    /// <summary>A number worth writing: an empty cell stands for none, and for NaN or infinity.</summary>
    private static double? Finite(double? value) => value is { } number && double.IsFinite(number) ? number : null;
}
