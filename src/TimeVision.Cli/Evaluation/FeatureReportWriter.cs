using System.Globalization;
using System.Text;
using TimeVision.Core.Json;
using TimeVision.Core.Learning.Evaluation;

namespace TimeVision.Cli.Evaluation;

/// <summary>
/// Writes a features evaluation beside the minutes report: <c>features-report.md</c>, <c>features-results.csv</c>
/// (<see cref="FeatureResultsCsv"/>) and its charts (<see cref="FeatureCharts"/>).
/// </summary>
internal static class FeatureReportWriter
{
    /// <summary>The report's file name.</summary>
    public const string ReportName = "features-report.md";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task WriteAsync(string folder, FeatureEvaluationRun run, FeatureEvaluationReport report, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        await FeatureResultsCsv.WriteAsync(Path.Combine(folder, FeatureResultsCsv.FileName), run, cancellationToken);
        var charts = FeatureCharts.Write(folder, run, report);
        await File.WriteAllTextAsync(Path.Combine(folder, ReportName), Markdown(run, report, charts), new UTF8Encoding(false), cancellationToken);
    }

    private static string Markdown(FeatureEvaluationRun run, FeatureEvaluationReport report, IReadOnlyList<string> charts)
    {
        var md = new StringBuilder();
        Summary(md, run);
        ModelTable(md, report);
        foreach (var model in report.Models)
        {
            TypeTable(md, model);
        }

        Minutes(md, run, report);
        md.Append("\n## Charts\n\n");
        foreach (var chart in charts)
        {
            md.Append(Invariant, $"![{chart}]({chart})\n\n");
        }

        LeftOut(md, run);
        return md.ToString();
    }

    private static void Summary(StringBuilder md, FeatureEvaluationRun run)
    {
        var sources = run.Set.Items.GroupBy(i => JsonCode.Of(i.Label.Source)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => string.Create(Invariant, $"{g.Count()} {g.Key}"));
        md.Append("# TimeVision evaluation: reading the part's features\n\n");
        md.Append(Invariant, $"Set: {run.Set.Name}; {run.Set.Items.Count} documents with confirmed features ({string.Join(", ", sources)}); models: {string.Join(", ", run.Models)}.\n\n");
        md.Append(Invariant, $"New model spend in this run: ${run.SpentUsd:0.####}");
        md.Append(run.BudgetUsd is { } budget ? string.Create(Invariant, $" of a ${budget:0.##} budget.") : ".").Append('\n');
        if (run.StoppedAtBudget)
        {
            md.Append("\n**Stopped at the budget**: the readings not run (status `not_run_budget` in features-results.csv) are left out of the figures below. Run again with a larger budget: what is done is stored and not paid for twice.\n");
        }

        md.Append(Invariant, $"""

            A read feature and a confirmed one are the same feature when their type agrees and their key sizes (a hole's diameter or thread, a pocket's length and width, a chamfer's size, …) are within {FeatureMatcher.SizeTolerance * 100:0} % of the confirmed size; closest pairs first. Precision = paired / read, recall = paired / confirmed. A label from the text layer (`text_layer_accepted`) speaks for holes, threads and chamfers only, so other types the model reads there are not counted. Size errors are |read − confirmed| / confirmed over every size both give of a pair (length, width, depth, the diameters, pitch).

            """);
    }

    private static void ModelTable(StringBuilder md, FeatureEvaluationReport report)
    {
        md.Append("\n| model | documents | read | failed | not run | confirmed | read features | paired | precision | recall | wrong counts | mean abs Δcount | sizes compared | mean size error | median size error | tokens / reading | cost / reading |\n");
        md.Append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var m in report.Models)
        {
            var o = m.Overall;
            md.Append(Invariant,
                $"| {m.Model} | {m.Documents} | {m.ReadDocuments} | {m.Failed} | {m.NotRun} | {o.Confirmed} | {o.Read} | {o.Matched} | {Percent(o.Precision)} | {Percent(o.Recall)} | {o.WrongCounts} | {Fixed(o.MeanAbsoluteCountError, "0.0#")} | {o.SizesCompared} | {Points(o.MeanSizeError)} | {Points(o.MedianSizeError)} | {Fixed(m.MeanTokens, "0")} | {(m.MeanCostUsd is { } c ? string.Create(Invariant, $"${c:0.####}") : "no price")} |\n");
        }
    }

    private static void TypeTable(StringBuilder md, FeatureModelSummary model)
    {
        md.Append(Invariant, $"\n## {model.Model}: per feature type\n\n");
        md.Append("| type | confirmed | read | paired | precision | recall | wrong counts | mean abs Δcount | sizes compared | mean size error | median size error |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var t in model.ByType)
        {
            md.Append(Invariant,
                $"| {JsonCode.Of(t.Type!.Value)} | {t.Confirmed} | {t.Read} | {t.Matched} | {Percent(t.Precision)} | {Percent(t.Recall)} | {t.WrongCounts} | {Fixed(t.MeanAbsoluteCountError, "0.0#")} | {t.SizesCompared} | {Points(t.MeanSizeError)} | {Points(t.MedianSizeError)} |\n");
        }
    }

    private static void Minutes(StringBuilder md, FeatureEvaluationRun run, FeatureEvaluationReport report)
    {
        md.Append("\n## What the reading does to the minutes\n\n");
        if (run.PlanningError is { } error)
        {
            md.Append(Invariant, $"No plan was made: {error}\n");
            return;
        }

        md.Append("The engine plans each document twice with the data folder's cutting data and work centres: from the confirmed features, and from the model's features as far as the label speaks for them (its types, and the part-level values the label gives). Error = (model's plan − confirmed plan) / confirmed plan, minutes per piece.\n\n");
        md.Append("| model | documents planned | MAPE | median APE | within ±10 % | bias |\n|---|---|---|---|---|---|\n");
        foreach (var m in report.Models)
        {
            md.Append(Invariant, $"| {m.Model} | {m.Planned} | {Points(m.CycleMape)} | {Points(m.CycleMedianApe)} | {Percent(m.CycleWithin10)} | {Signed(m.CycleBias)} |\n");
        }

        md.Append("\nThe drawing is the part's drawing number the split decides by (— where none was read: the document is its own drawing).\n");
        md.Append("\n| document | drawing | label | model | confirmed min/pc | model's min/pc | error | missed | extra |\n|---|---|---|---|---|---|---|---|---|\n");
        foreach (var r in run.Results.Where(r => r.Score is not null))
        {
            md.Append(Invariant,
                $"| {r.FileName} | {(r.Drawing == r.DocumentId ? "—" : r.Drawing)} | {JsonCode.Of(r.LabelSource)} | {r.Model} | {Fixed(r.ConfirmedCycleMin ?? double.NaN, "0.###")} | {Fixed(r.ReadCycleMin ?? double.NaN, "0.###")} | {Signed(r.CyclePercentError ?? double.NaN)} | {Describe(r.Score!.Missed)} | {Describe(r.Score.Extra)} |\n");
        }
    }

    private static void LeftOut(StringBuilder md, FeatureEvaluationRun run)
    {
        md.Append("## Left out\n\n");
        if (run.Set.Skipped.Count == 0 && run.Results.All(r => r.Status == EvaluationStatus.Completed))
        {
            md.Append("Nothing: every document of the set was read by every model.\n");
        }

        foreach (var skip in run.Set.Skipped)
        {
            md.Append(Invariant, $"- {skip.FileName} ({skip.DocumentId ?? "no id"}): {skip.Reason}\n");
        }

        foreach (var failed in run.Results.Where(r => r.Status != EvaluationStatus.Completed))
        {
            md.Append(Invariant, $"- {failed.FileName} with {failed.Model}: {failed.Error}\n");
        }
    }

    /// <summary>Features as a person reads them: <c>drilling Ø6.6 ×4</c>, <c>tapping M8 ×4</c>.</summary>
    private static string Describe(IReadOnlyList<Core.Estimating.ProcessPlanning.MachiningFeature> features) =>
        features.Count == 0 ? "—" : string.Join(", ", features.Select(f =>
        {
            var size = f.Thread ?? (f.DiameterMm is { } d ? string.Create(Invariant, $"Ø{d:0.###}") : f.LengthMm is { } l ? string.Create(Invariant, $"{l:0.###} mm") : null);
            return string.Create(Invariant, $"{JsonCode.Of(f.Type)}{(size is null ? string.Empty : " " + size)} ×{f.Count ?? 1}");
        }));

    private static string Fixed(double value, string format) => double.IsFinite(value) ? value.ToString(format, Invariant) : "—";

    private static string Points(double value) => double.IsFinite(value) ? string.Create(Invariant, $"{value:0.0} %") : "—";

    private static string Signed(double value) => double.IsFinite(value) ? string.Create(Invariant, $"{value:+0.0;-0.0;0.0} %") : "—";

    private static string Percent(double share) => double.IsFinite(share) ? string.Create(Invariant, $"{share * 100:0} %") : "—";
}
