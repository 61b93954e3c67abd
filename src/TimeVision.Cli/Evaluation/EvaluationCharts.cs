using ScottPlot;
using TimeVision.Core.Learning.Evaluation;

namespace TimeVision.Cli.Evaluation;

/// <summary>The evaluation's charts, drawn with ScottPlot: estimate against actual (log axes), error spread, MAPE by part type.</summary>
internal static class EvaluationCharts
{
    public const string EstimateVsActual = "estimate-vs-actual.png";
    public const string Errors = "errors.png";
    public const string MapeByPartType = "mape-by-part-type.png";

    private const int Width = 900;
    private const int Height = 600;

    public static IReadOnlyList<string> Write(string folder, EvaluationRun run, EvaluationReport report)
    {
        DrawEstimateVsActual(run).SavePng(Path.Combine(folder, EstimateVsActual), Width, Height);
        DrawErrors(run).SavePng(Path.Combine(folder, Errors), Width, Height);
        DrawMapeByPartType(report).SavePng(Path.Combine(folder, MapeByPartType), Width, Height);
        return [EstimateVsActual, Errors, MapeByPartType];
    }

    private static Plot DrawEstimateVsActual(EvaluationRun run)
    {
        var plot = new Plot();
        var estimated = run.Results.Where(r => r.EstimatedMinutes is > 0).ToList();
        foreach (var model in run.Models)
        {
            var rows = estimated.Where(r => r.Model == model).ToList();
            var scatter = plot.Add.ScatterPoints(rows.Select(r => Math.Log10(r.ActualMinutes)).ToArray(), rows.Select(r => Math.Log10(r.EstimatedMinutes!.Value)).ToArray());
            scatter.LegendText = model;
            scatter.MarkerSize = 7;
        }

        if (estimated.Count > 0)
        {
            var low = Math.Log10(estimated.Min(r => Math.Min(r.ActualMinutes, r.EstimatedMinutes!.Value)));
            var high = Math.Log10(estimated.Max(r => Math.Max(r.ActualMinutes, r.EstimatedMinutes!.Value)));
            var diagonal = plot.Add.Line(low, low, high, high);
            diagonal.LegendText = "estimate = actual";
            diagonal.LinePattern = LinePattern.Dashed;
        }

        plot.Axes.Bottom.TickGenerator = LogTicks();
        plot.Axes.Left.TickGenerator = LogTicks();
        plot.Title("Estimate vs. actual spindle time (log axes)");
        plot.XLabel("actual (min)");
        plot.YLabel("estimate (min)");
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    private static Plot DrawErrors(EvaluationRun run)
    {
        var plot = new Plot();
        for (var i = 0; i < run.Models.Count; i++)
        {
            var errors = run.Results.Where(r => r.Model == run.Models[i] && r.PercentError is not null).Select(r => r.PercentError!.Value).ToList();
            // A fixed spread per point (no randomness), so the chart is the same on every run.
            var xs = errors.Select((_, k) => i + (((k % 9) - 4) * 0.04)).ToArray();
            var scatter = plot.Add.ScatterPoints(xs, errors.ToArray());
            scatter.LegendText = run.Models[i];
            scatter.MarkerSize = 6;
        }

        plot.Add.HorizontalLine(0, 1, Colors.Gray, LinePattern.Dashed);
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, run.Models.Count).Select(i => (double)i)], [.. run.Models]);
        plot.Title("Error per drawing (% of the actual time)");
        plot.YLabel("error (%)");
        return plot;
    }

    private static Plot DrawMapeByPartType(EvaluationReport report)
    {
        var plot = new Plot();
        var groups = report.Models.SelectMany(m => m.ByPartType.Select(g => g.Group)).Distinct().Order(StringComparer.Ordinal).ToList();
        var width = report.Models.Count + 1;
        for (var m = 0; m < report.Models.Count; m++)
        {
            var scores = report.Models[m].ByPartType.ToDictionary(g => g.Group, g => g.Mape);
            var bars = groups.Select((group, g) => new Bar
            {
                Position = (g * width) + m,
                Value = scores.GetValueOrDefault(group, 0),
                FillColor = new Color(Palette(m)),
            }).ToArray();
            var plotted = plot.Add.Bars(bars);
            plotted.LegendText = report.Models[m].Model;
        }

        plot.Axes.Bottom.SetTicks([.. groups.Select((_, g) => (g * width) + ((report.Models.Count - 1) / 2.0))], [.. groups]);
        plot.Axes.Margins(bottom: 0);
        plot.Title("MAPE by part type");
        plot.YLabel("MAPE (%)");
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    private static ScottPlot.TickGenerators.NumericAutomatic LogTicks() => new()
    {
        MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
        IntegerTicksOnly = true,
        LabelFormatter = value => Math.Pow(10, value).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Palette(int index) => (index % 6) switch
    {
        0 => "#1f77b4",
        1 => "#ff7f0e",
        2 => "#2ca02c",
        3 => "#d62728",
        4 => "#9467bd",
        _ => "#8c564b",
    };
}
