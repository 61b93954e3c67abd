using Spectre.Console;
using TimeVision.Core.Estimating.Pricing;
using TimeVision.Core.Json;
using static TimeVision.Cli.RatesOutput;

namespace TimeVision.Cli;

/// <summary>Prints a quote for a person: the part and its stock, the operations with their rates, the batch prices (rounded to 0.01 here, and only here) and the versions.</summary>
internal static class QuoteOutput
{
    public static void Write(TextWriter stdout, Quote quote)
    {
        var console = Console(stdout);
        var part = string.Join(" ", new[] { quote.Part.DrawingNumber, quote.Part.Name is { } name ? $"\"{name}\"" : null }.OfType<string>());
        console.WriteLine(Invariant($"Quote for {quote.DocumentId}{(part.Length > 0 ? $": {part}" : string.Empty)}, material {quote.Part.Material ?? "not read"} ({quote.Stock.MaterialGroup})"));
        var s = quote.Stock;
        var sizes = string.Join(" × ", new[] { s.DiameterMm is { } d ? Invariant($"Ø{d:0.##}") : null, s.InnerDiameterMm is { } b ? Invariant($"bore Ø{b:0.##}") : null, Mm(s.LengthMm), Mm(s.WidthMm), Mm(s.HeightMm) }.OfType<string>());
        console.WriteLine(Invariant($"Stock: {JsonCode.Of(s.Shape)} {sizes} mm, {s.VolumeDm3:0.####} dm³ × {s.DensityKgPerDm3:0.###} kg/dm³ = {s.WeightKg:0.###} kg a piece"));
        console.Write(Operations(quote));
        foreach (var line in quote.Cooperation)
        {
            console.WriteLine(Invariant($"Cooperation: {line.Name}{(line.WorkCentre is { } centre ? $" ({centre})" : string.Empty)}, {Money(line.PricePerPiece)} a piece, at least {Money(line.MinPrice)} a batch"));
        }

        console.Write(Batches(quote));
        var k = quote.Coefficients;
        console.WriteLine(Invariant($"Rates {quote.RatesVersion}: overhead {k.Overhead} × margin {k.Margin}, stock {k.Stock}, coop {k.Coop}, scrap {k.ScrapPercent} %, ke {k.Ke}, ko {k.Ko}"));
        console.WriteLine(Invariant($"Plan v{quote.PlanVersion} (cutting data {quote.CuttingDataVersion}, work centres {quote.WorkCentresVersion}); prices without VAT"));
    }

    public static void Write(TextWriter stdout, FrozenQuote frozen)
    {
        var superseded = frozen.SupersededBy is { } later ? Invariant($"; superseded by {later}") : string.Empty;
        var supersedes = frozen.Supersedes is { } earlier ? Invariant($", supersedes {earlier}") : string.Empty;
        stdout.WriteLine(Invariant($"Frozen quote {frozen.Id} at {frozen.FrozenAt:yyyy-MM-dd HH:mm} UTC{(frozen.FrozenBy is { } by ? $" by {by}" : string.Empty)}{supersedes}{superseded}"));
        Write(stdout, frozen.Quote);
    }

    public static void Write(TextWriter stdout, IReadOnlyList<FrozenQuote> quotes)
    {
        var table = new Table().Border(TableBorder.Simple).Title("Frozen quotes");
        foreach (var column in new[] { "id", "frozen (UTC)", "by", "rates", "plan", "supersedes", "superseded by", "unit prices" })
        {
            table.AddColumn(column);
        }

        foreach (var q in quotes)
        {
            var prices = string.Join("   ", q.Quote.Batches.Select(b => Invariant($"{b.Quantity} pcs {Money(b.UnitPrice)}")));
            table.AddRow(
                Invariant($"{q.Id}"), Invariant($"{q.FrozenAt:yyyy-MM-dd HH:mm}"), Markup.Escape(q.FrozenBy ?? string.Empty), Markup.Escape(q.Quote.RatesVersion),
                Invariant($"v{q.Quote.PlanVersion}"), Invariant($"{q.Supersedes}"), Invariant($"{q.SupersededBy}"), Markup.Escape(prices));
        }

        Console(stdout).Write(table);
    }

    private static Table Operations(Quote quote)
    {
        var table = new Table().Border(TableBorder.Simple).Title(Invariant($"Operations ({quote.Currency}/h)"));
        foreach (var column in new[] { "seq", "operation", "work centre", "setup min", "per piece min", "setup rate", "run rate" })
        {
            table.AddColumn(new TableColumn(column) { Alignment = column is "operation" or "work centre" ? Justify.Left : Justify.Right });
        }

        foreach (var o in quote.Operations)
        {
            table.AddRow(
                Invariant($"{o.Sequence}"), JsonCode.Of(o.Kind), Markup.Escape(o.WorkCentreName is { } name ? $"{o.WorkCentre} {name}" : o.WorkCentre), Invariant($"{o.SetupMin:0.##}"),
                Invariant($"{o.CycleMin:0.###}"), Money(o.SetupRatePerHour), Money(o.RunRatePerHour));
        }

        return table;
    }

    private static Table Batches(Quote quote)
    {
        var table = new Table().Border(TableBorder.Simple).Title(Invariant($"Batches ({quote.Currency}, without VAT)"));
        foreach (var column in new[] { "quantity", "machine", "material", "cooperation", "total", "unit price", "batch kg", "per kg" })
        {
            table.AddColumn(new TableColumn(column) { Alignment = Justify.Right });
        }

        foreach (var b in quote.Batches)
        {
            table.AddRow(
                Invariant($"{b.Quantity}"), Money(b.MachineCost), Money(b.MaterialCost), Money(b.CooperationCost), Money(b.Total), Money(b.UnitPrice),
                Invariant($"{b.BatchWeightKg:0.###}"), Money(b.PricePerKg));
        }

        return table;
    }

    private static string Money(decimal amount) => Invariant($"{Math.Round(amount, 2, MidpointRounding.AwayFromZero):#,0.00}");

    private static string? Mm(double? size) => size is { } v ? Invariant($"{v:0.##}") : null;
}
