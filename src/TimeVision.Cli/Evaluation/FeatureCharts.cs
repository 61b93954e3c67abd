using ScottPlot;
using TimeVision.Core.Json;
using TimeVision.Core.Learning.Evaluation;

namespace TimeVision.Cli.Evaluation;

/// <summary>The features evaluation's charts, drawn with ScottPlot: recall and precision by feature type; the model's plan against the confirmed plan.</summary>
internal static class FeatureCharts
{
    public const string RecallByType = "features-recall-by-type.png";
    public const string PrecisionByType = "features-precision-by-type.png";
    public const string Minutes = "features-minutes.png";

    private const int Width = 900;
    private const int Height = 600;

    public static IReadOnlyList<string> Write(string folder, FeatureEvaluationRun run, FeatureEvaluationReport report)
    {
        ByType(report, t => t.Recall, "Recall by feature type (paired / confirmed)", "recall (%)").SavePng(Path.Combine(folder, RecallByType), Width, Height);
        ByType(report, t => t.Precision, "Precision by feature type (paired / read)", "precision (%)").SavePng(Path.Combine(folder, PrecisionByType), Width, Height);
        DrawMinutes(run).SavePng(Path.Combine(folder, Minutes), Width, Height);
        return [RecallByType, PrecisionByType, Minutes];
    }

    private static Plot ByType(FeatureEvaluationReport report, Func<FeatureTypeSummary, double> figure, string title, string axis)
    {
        var plot = new Plot();
        var types = report.Models.SelectMany(m => m.ByType.Select(t => t.Type!.Value)).Distinct().Order().ToList();
        var width = report.Models.Count + 1;
        for (var m = 0; m < report.Models.Count; m++)
        {
            var scores = report.Models[m].ByType.ToDictionary(t => t.Type!.Value, figure);
            var bars = types.Select((type, i) => new Bar
            {
                Position = (i * width) + m,
                Value = scores.TryGetValue(type, out var value) && double.IsFinite(value) ? value * 100 : 0,
                FillColor = new Color(Palette(m)),
            }).ToArray();
            plot.Add.Bars(bars).LegendText = report.Models[m].Model;
        }

        plot.Axes.Bottom.SetTicks([.. types.Select((_, i) => (i * width) + ((report.Models.Count - 1) / 2.0))], [.. types.Select(t => JsonCode.Of(t))]);
        plot.Axes.Margins(bottom: 0);
        plot.Axes.SetLimitsY(0, 105);
        plot.Title(title);
        plot.YLabel(axis);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    private static Plot DrawMinutes(FeatureEvaluationRun run)
    {
        var plot = new Plot();
        var planned = run.Results.Where(r => r.ConfirmedCycleMin is > 0 && r.ReadCycleMin is not null).ToList();
        foreach (var model in run.Models)
        {
            var rows = planned.Where(r => r.Model == model).ToList();
            var scatter = plot.Add.ScatterPoints(rows.Select(r => r.ConfirmedCycleMin!.Value).ToArray(), rows.Select(r => r.ReadCycleMin!.Value).ToArray());
            scatter.LegendText = model;
            scatter.MarkerSize = 7;
        }

        if (planned.Count > 0)
        {
            var high = planned.Max(r => Math.Max(r.ConfirmedCycleMin!.Value, r.ReadCycleMin!.Value));
            var diagonal = plot.Add.Line(0, 0, high, high);
            diagonal.LegendText = "same minutes";
            diagonal.LinePattern = LinePattern.Dashed;
        }

        plot.Title("Engine minutes per piece: from the model's features vs. from the confirmed ones");
        plot.XLabel("confirmed features (min/pc)");
        plot.YLabel("model's features (min/pc)");
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

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
