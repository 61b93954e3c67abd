using System.Globalization;
using Spectre.Console;
using TimeVision.Core.Estimating.Pricing;
using TimeVision.Core.Json;

namespace TimeVision.Cli;

/// <summary>Prints the shop's rates for a person: the version, the work centres with their hourly rates, the coefficients and the material prices.</summary>
internal static class RatesOutput
{
    public static void Write(TextWriter stdout, ShopRates rates)
    {
        var console = Console(stdout);
        var origin = rates.SetAt is { } at
            ? Invariant($"set {at:yyyy-MM-dd HH:mm} UTC{(rates.SetBy is { } by ? $" by {by}" : string.Empty)}")
            : "the shipped defaults; no admin has set rates";
        console.WriteLine(Invariant($"Rates {rates.Version} ({origin}), {rates.Currency}"));
        console.Write(Centres(rates));
        var k = rates.Coefficients;
        console.WriteLine(Invariant($"Coefficients: overhead {k.Overhead}, margin {k.Margin}, stock {k.Stock}, coop {k.Coop}, scrap {k.ScrapPercent} %, ke {k.Ke}, ko {k.Ko}"));
        console.Write(Materials(rates));
    }

    internal static IAnsiConsole Console(TextWriter stdout)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 160;
        return console;
    }

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static Table Centres(ShopRates rates)
    {
        var table = new Table().Border(TableBorder.Simple).Title(Invariant($"Work centres ({rates.Currency}/h)"));
        foreach (var column in new[] { "id", "name", "kind", "depreciation", "labour", "tools", "overhead", "setup", "run", "active" })
        {
            table.AddColumn(new TableColumn(column) { Alignment = column is "id" or "name" or "kind" or "active" ? Justify.Left : Justify.Right });
        }

        foreach (var c in rates.WorkCentres)
        {
            double?[] parts = [c.DepreciationPerHour, c.LabourPerHour, c.ToolsPerHour, c.OverheadPerHour];
            var setup = parts.Any(p => p is null) ? "—" : Invariant($"{c.DepreciationPerHour + c.LabourPerHour + c.OverheadPerHour:0.##}");
            var run = parts.Any(p => p is null) ? "—" : Invariant($"{c.DepreciationPerHour + c.ToolsPerHour + c.OverheadPerHour + ((double)rates.Coefficients.Ko * c.LabourPerHour):0.##}");
            table.AddRow(
                Markup.Escape(c.Id), Markup.Escape(c.Name ?? string.Empty), JsonCode.Of(c.Kind), Rate(c.DepreciationPerHour), Rate(c.LabourPerHour), Rate(c.ToolsPerHour),
                Rate(c.OverheadPerHour), setup, run, c.Active ? "yes" : "no");
        }

        return table;
    }

    private static Table Materials(ShopRates rates)
    {
        var table = new Table().Border(TableBorder.Simple).Title(Invariant($"Materials ({rates.Currency}/kg by batch weight)"));
        foreach (var column in new[] { "group", "shape", "kg/dm³", "price tiers" })
        {
            table.AddColumn(new TableColumn(column) { Alignment = column == "kg/dm³" ? Justify.Right : Justify.Left });
        }

        foreach (var m in rates.Materials)
        {
            var tiers = string.Join("   ", m.PriceTiers.OrderBy(t => t.MinKg).Select(t => Invariant($"from {t.MinKg:0.##} kg: {t.PricePerKg:0.##}")));
            table.AddRow(Markup.Escape(m.Group), m.Shape is { } shape ? JsonCode.Of(shape) : "any", Invariant($"{m.DensityKgPerDm3:0.###}"), tiers);
        }

        return table;
    }

    private static string Rate(double? value) => value is { } v ? Invariant($"{v:0.##}") : "—";
}
