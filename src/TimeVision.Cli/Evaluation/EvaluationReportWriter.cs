using System.Globalization;
using System.Text;
using TimeVision.Core.Learning.Evaluation;

namespace TimeVision.Cli.Evaluation;

/// <summary>Writes <c>report.md</c>, <c>results.csv</c> (<see cref="ResultsCsv"/>) and the charts of an evaluation.</summary>
internal static class EvaluationReportWriter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task WriteAsync(string folder, EvaluationRun run, EvaluationReport report, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        await ResultsCsv.WriteAsync(Path.Combine(folder, "results.csv"), run, cancellationToken);
        var charts = EvaluationCharts.Write(folder, run, report);
        await File.WriteAllTextAsync(Path.Combine(folder, "report.md"), Markdown(run, report, charts), new UTF8Encoding(false), cancellationToken);
    }

    private static string Markdown(EvaluationRun run, EvaluationReport report, IReadOnlyList<string> charts)
    {
        var md = new StringBuilder();
        Summary(md, run);
        ModelTable(md, report);
        Groups(md, "part type", report, m => m.ByPartType);
        Groups(md, "complexity", report, m => m.ByComplexity);
        Groups(md, "material group", report, m => m.ByMaterial);
        Pairs(md, report);
        Charts(md, charts);
        LeftOut(md, run);
        return md.ToString();
    }

    /// <summary>The title, the set, the models, the spend and whether the budget stopped the run.</summary>
    private static void Summary(StringBuilder md, EvaluationRun run)
    {
        md.Append("# TimeVision evaluation\n\n");
        md.Append(Invariant, $"Set: {run.Set.Name}; {run.Set.Items.Count} documents with real times; models: {string.Join(", ", run.Models)}.\n\n");
        md.Append(Invariant, $"New model spend in this run: ${run.SpentUsd:0.####}");
        md.Append(run.BudgetUsd is { } budget ? string.Create(Invariant, $" of a ${budget:0.##} budget.") : ".").Append('\n');
        if (run.StoppedAtBudget)
        {
            var covered = run.Results.Count(r => r.Status != EvaluationStatus.NotRunBudget);
            md.Append(Invariant, $"\n**Stopped at the budget**: {covered} of {run.Results.Count} document × model estimates were made or reused; the rest were not run (status `not_run_budget` in results.csv) and are left out of the figures below. Run again with a larger budget: what is done is stored and not paid for twice.\n");
        }
    }

    /// <summary>One row of figures per model.</summary>
    private static void ModelTable(StringBuilder md, EvaluationReport report)
    {
        md.Append("\nErrors are (estimate − actual) / actual, in %. Only documents whose every page a model completed count towards its errors.\n\n");
        md.Append("| model | documents | estimated | not run | page coverage | MAPE | median APE | within ±20 % | within ±30 % | bias | Spearman ρ | tokens / drawing | cost / drawing | latency / drawing |\n");
        md.Append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var m in report.Models)
        {
            md.Append(Invariant,
                $"| {m.Model} | {m.Documents} | {m.Estimated} | {m.NotRun} | {Percent(m.PageCoverage)} | {Points(m.Mape)} | {Points(m.MedianApe)} | {Percent(m.Within20)} | {Percent(m.Within30)} | {Signed(m.Bias)} | {Fixed(m.Spearman, "0.00")} | {Fixed(m.MeanTokens, "0")} | {(m.MeanCostUsd is { } c ? string.Create(Invariant, $"${c:0.####}") : "no price")} | {Fixed(m.MeanLatencyMs / 1000, "0.0")} s |\n");
        }
    }

    /// <summary>The paired A/B comparisons with their intervals and verdicts.</summary>
    private static void Pairs(StringBuilder md, EvaluationReport report)
    {
        md.Append("\n## Model against model\n\nOn the documents both models estimated. The interval is a 95 % bootstrap interval of the MAPE difference (5,000 resamples, fixed seed).\n\n");
        if (report.Pairs.Count == 0)
        {
            md.Append("One model only: nothing to compare it with.\n");
        }
        else
        {
            md.Append("| A | B | documents | A better | B better | ties | MAPE(A) − MAPE(B) | 95 % interval | verdict |\n|---|---|---|---|---|---|---|---|---|\n");
        }

        foreach (var p in report.Pairs)
        {
            md.Append(Invariant, $"| {p.First} | {p.Second} | {p.Documents} | {p.FirstWins} | {p.SecondWins} | {p.Ties} | {Fixed(p.MapeDifference, "0.0")} | {Fixed(p.IntervalLow, "0.0")} to {Fixed(p.IntervalHigh, "0.0")} | {p.Verdict} |\n");
        }
    }

    private static void Charts(StringBuilder md, IReadOnlyList<string> charts)
    {
        md.Append("\n## Charts\n\n");
        foreach (var chart in charts)
        {
            md.Append(Invariant, $"![{chart}]({chart})\n\n");
        }
    }

    /// <summary>The documents left out of the set and the estimates that did not complete.</summary>
    private static void LeftOut(StringBuilder md, EvaluationRun run)
    {
        md.Append("## Left out\n\n");
        if (run.Set.Skipped.Count == 0)
        {
            md.Append("Nothing: every document of the set was evaluated.\n");
        }

        foreach (var skip in run.Set.Skipped)
        {
            md.Append(Invariant, $"- {skip.FileName} ({skip.DocumentId ?? "no id"}): {skip.Reason}\n");
        }

        foreach (var failed in run.Results.Where(r => r.Status == EvaluationStatus.Incomplete))
        {
            md.Append(Invariant, $"- {failed.FileName} with {failed.Model}: {failed.PagesCompleted} of {failed.PagesTotal} pages completed, so no document total\n");
        }
    }

    private static void Groups(StringBuilder md, string title, EvaluationReport report, Func<ModelSummary, IReadOnlyList<GroupScore>> groupsOf)
    {
        var groups = report.Models.SelectMany(m => groupsOf(m).Select(g => g.Group)).Distinct().Order(StringComparer.Ordinal).ToList();
        md.Append(Invariant, $"\n## MAPE by {title}\n\n| {title} | {string.Join(" | ", report.Models.Select(m => m.Model))} |\n|---|{string.Concat(report.Models.Select(_ => "---|"))}\n");
        foreach (var group in groups)
        {
            md.Append(Invariant, $"| {group} | {string.Join(" | ", report.Models.Select(m => groupsOf(m).FirstOrDefault(g => g.Group == group) is { } s ? string.Create(Invariant, $"{Points(s.Mape)} (n={s.Documents})") : "—"))} |\n");
        }
    }

    private static string Fixed(double value, string format) => double.IsFinite(value) ? value.ToString(format, Invariant) : "—";

    private static string Points(double value) => double.IsFinite(value) ? string.Create(Invariant, $"{value:0.0} %") : "—";

    private static string Signed(double value) => double.IsFinite(value) ? string.Create(Invariant, $"{value:+0.0;-0.0;0.0} %") : "—";

    private static string Percent(double share) => double.IsFinite(share) ? string.Create(Invariant, $"{share * 100:0} %") : "—";
}
