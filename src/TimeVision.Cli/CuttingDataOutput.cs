using Spectre.Console;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Estimating.ShopCuttingData;
using static TimeVision.Cli.RatesOutput;

namespace TimeVision.Cli;

/// <summary>Prints the cutting data in use for a person: its version and origin, and per material group the cutting speed and feed of each operation.</summary>
internal static class CuttingDataOutput
{
    private static readonly (string Name, Func<OperationCuttingSet, OperationCutting?> Of)[] Operations =
    [
        ("turning", o => o.Turning), ("boring", o => o.Boring), ("drilling", o => o.Drilling), ("reaming", o => o.Reaming), ("tapping", o => o.Tapping),
        ("thread", o => o.ThreadTurning), ("grooving", o => o.Grooving), ("parting", o => o.Parting), ("milling", o => o.Milling),
    ];

    private static readonly string[] Columns = ["group", "iso", "fallback", .. Operations.Select(o => o.Name), "sawing"];

    public static void Write(TextWriter stdout, CuttingDataInUse inUse)
    {
        var console = Console(stdout);
        console.WriteLine(Invariant($"Cutting data {inUse.Version} ({Origin(inUse)})"));
        var table = new Table().Border(TableBorder.Simple).Title("Vc m/min / feed mm (per rev; per tooth for milling); sawing mm/min");
        foreach (var column in Columns)
        {
            table.AddColumn(new TableColumn(column) { Alignment = column is "group" or "iso" or "fallback" ? Justify.Left : Justify.Right });
        }

        foreach (var group in inUse.CuttingData.Groups)
        {
            var cells = new List<string> { Markup.Escape(group.Group), Markup.Escape(group.Iso ?? string.Empty), Markup.Escape(group.FallbackGroup ?? string.Empty) };
            cells.AddRange(Operations.Select(o => Cell(o.Of(group.Operations))));
            cells.Add(group.Operations.Sawing?.SawFeedMmPerMin is { } saw ? Invariant($"{saw:0.##}") : "·");
            table.AddRow([.. cells]);
        }

        console.Write(table);
    }

    private static string Origin(CuttingDataInUse inUse)
    {
        var stored = inUse.Stored is { } s
            ? Invariant($"{s.Version} set {s.SetAt:yyyy-MM-dd HH:mm} UTC{(s.SetBy is { } by ? $" by {by}" : string.Empty)}")
            : null;
        return inUse.Origin switch
        {
            CuttingDataInUse.FromStore => $"the shop's stored override {stored}",
            CuttingDataInUse.FromDataFolder => $"the data folder's {PlanningData.CuttingDataFileName}{(stored is null ? string.Empty : $"; {stored} went back to it")}",
            _ => $"the shipped values{(stored is null ? "; no admin has set an override" : $"; {stored} went back to them")}",
        };
    }

    private static string Cell(OperationCutting? cutting)
    {
        if (cutting?.VcMPerMin is not { } vc)
        {
            return "·";
        }

        var feed = cutting.FzMm ?? cutting.FMmPerRev;
        return feed is { } f ? Invariant($"{vc:0.#} / {f:0.###}") : Invariant($"{vc:0.#}");
    }
}
