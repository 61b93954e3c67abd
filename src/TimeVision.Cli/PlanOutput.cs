using System.Globalization;
using Spectre.Console;
using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Json;

namespace TimeVision.Cli;

/// <summary>
/// Prints a process plan for a person: the routing, each feature's line with its formula, batch times and the defaults
/// taken; with the shop's factors and the calibrated minutes beside the engine's when the plan is calibrated.
/// </summary>
internal static class PlanOutput
{
    private static readonly int[] Batches = [1, 10, 50, 100, 500];
    private static readonly string[] RoutingColumns = ["seq", "operation", "work centre", "clamping", "setup min", "per piece min", "cutting", "non-cutting", "tools"];
    private static readonly string[] FactorColumns = ["setup ×", "piece ×", "cal. setup", "cal. per piece"];
    private static readonly string[] LineColumns = ["seq", "feature", "type", "count", "cutting min", "factor", "formula", "inputs"];

    public static void Write(TextWriter stdout, ProcessPlan plan)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 160;
        console.Write(Routing(plan));
        console.Write(Lines(plan));
        var batches = string.Join("   ", Batches.Select(q => Invariant($"{q} pcs {plan.BatchMin(q):0.#} min")));
        console.WriteLine(Invariant($"Setup {plan.SetupMin:0.##} min, per piece {plan.CycleMin:0.##} min (cutting {plan.CuttingMin:0.##}); batch: {batches}"));
        if (plan.Calibration is { } calibration)
        {
            var calibrated = string.Join("   ", Batches.Select(q => Invariant($"{q} pcs {plan.CalibratedBatchMin(q):0.#} min")));
            console.WriteLine(Invariant($"Calibrated ({calibration}): setup {plan.CalibratedSetupMin:0.##} min, per piece {plan.CalibratedCycleMin:0.##} min; batch: {calibrated}"));
        }

        console.WriteLine(Invariant($"Cutting data {plan.CuttingDataVersion}; {plan.DefaultsUsed.Count} default(s) taken:"));
        foreach (var used in plan.DefaultsUsed)
        {
            console.WriteLine($"  {used}");
        }
    }

    /// <summary>A stored estimate's plan: the versions it was made from, the plan, and each feature with where it came from.</summary>
    public static void Write(TextWriter stdout, StoredPlan stored)
    {
        var plan = stored.Plan;
        stdout.WriteLine(Invariant($"id {stored.Id}: features v{plan.FeaturesVersion}, cutting data {plan.CuttingDataVersion}, work centres {plan.WorkCentresVersion}"));
        Write(stdout, plan.Routing!);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 160;
        console.Write(Sources(stored.Features));
        foreach (var conflict in stored.Features.Conflicts)
        {
            console.WriteLine(Invariant(
                $"{FeatureConflict.WarningCode}: {conflict.FeatureId ?? "part"} {conflict.Field} {conflict.Kept} ({JsonCode.Of(conflict.KeptFrom)}) kept over {conflict.Other} ({JsonCode.Of(conflict.OtherFrom)})"));
        }
    }

    private static Table Sources(DocumentFeatures features)
    {
        var table = new Table().Border(TableBorder.Simple).Title("Where each feature came from");
        foreach (var column in new[] { "feature", "type", "count", "size", "source", "page", "confidence" })
        {
            table.AddColumn(new TableColumn(column) { Alignment = column is "count" or "page" ? Justify.Right : Justify.Left });
        }

        foreach (var f in features.Merged.Features)
        {
            var size = f.Thread ?? (f.DiameterMm is { } d ? Invariant($"Ø{d:0.##}") : string.Join(" × ", new[] { f.LengthMm, f.WidthMm, f.DepthMm }.OfType<double>().Select(v => Invariant($"{v:0.##}"))));
            table.AddRow(
                Markup.Escape(f.Id ?? string.Empty), JsonCode.Of(f.Type), Invariant($"{f.Count ?? 1}"), Markup.Escape(size),
                f.Source is { } source ? JsonCode.Of(source.Kind) : string.Empty, Invariant($"{f.Source?.Page}"),
                f.Source?.Confidence is { } confidence ? JsonCode.Of(confidence) : string.Empty);
        }

        return table;
    }

    private static Table Routing(ProcessPlan plan)
    {
        var table = new Table().Border(TableBorder.Simple).Title("Routing");
        foreach (var column in RoutingColumns.Concat(plan.Calibration is null ? [] : FactorColumns))
        {
            table.AddColumn(new TableColumn(column) { Alignment = column is "operation" or "work centre" ? Justify.Left : Justify.Right });
        }

        foreach (var o in plan.Operations)
        {
            string[] factors = plan.Calibration is null ? [] :
                [Invariant($"{o.SetupFactor:0.00}"), Invariant($"{o.CycleFactor:0.00}"), Invariant($"{o.CalibratedSetupMin:0.##}"), Invariant($"{o.CalibratedCycleMin:0.###}")];
            table.AddRow([
                Invariant($"{o.Sequence}"), JsonCode.Of(o.Kind), Markup.Escape(o.WorkCentre), Invariant($"{o.Clamping}"), Invariant($"{o.SetupMin:0.##}"),
                Invariant($"{o.CycleMin:0.###}"), Invariant($"{o.CuttingMin:0.###}"), Invariant($"{o.NonCuttingMin:0.###}"), Invariant($"{o.Tools}"), .. factors]);
        }

        return table;
    }

    private static Table Lines(ProcessPlan plan)
    {
        var table = new Table().Border(TableBorder.Simple).Title("Features");
        var calibrated = plan.Calibration is not null;
        foreach (var column in LineColumns.Where(c => calibrated || c != "factor"))
        {
            table.AddColumn(new TableColumn(column) { Alignment = column is "count" or "cutting min" or "factor" or "seq" ? Justify.Right : Justify.Left });
        }

        foreach (var (o, line) in plan.Operations.SelectMany(o => o.Lines.Select(l => (o, l))))
        {
            var inputs = string.Join(" ", line.Inputs.Select(i => Invariant($"{i.Key}={i.Value:0.###}")));
            string[] factor = calibrated ? [Invariant($"{line.Factor:0.00}×")] : [];
            table.AddRow([
                Invariant($"{o.Sequence}"), Markup.Escape(line.FeatureId), JsonCode.Of(line.Type), Invariant($"{line.Count}"), Invariant($"{line.CuttingMin:0.###}"),
                .. factor, Markup.Escape(line.Formula), Markup.Escape(inputs)]);
        }

        return table;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
