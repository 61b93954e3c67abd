using TimeVision.Core.Estimating.Pricing;
using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Core.Tests.Pricing;

/// <summary>Small rates and quote inputs whose prices are easy to work out by hand.</summary>
internal static class Quotes
{
    /// <summary>A lathe at 400 + 300 + 150 + 150 Kč/h: setup 850 Kč/h, run 1000 Kč/h at ke = ko = 1.</summary>
    public static readonly WorkCentre Lathe = new()
    {
        Id = "L1", Name = "lathe", Kind = WorkCentreKind.Turning, DepreciationPerHour = 400, LabourPerHour = 300, ToolsPerHour = 150, OverheadPerHour = 150,
    };

    /// <summary>The shop's coefficients with no scrap.</summary>
    public static readonly PricingCoefficients Coefficients = new() { Overhead = 1.2m, Margin = 1.25m, Stock = 1.15m, Coop = 1.1m, ScrapPercent = 0, Ke = 1, Ko = 1 };

    /// <summary>Steel at 7.85 kg/dm³: 30 Kč/kg from 0 kg, 25 from 15 kg, 20 from 100 kg.</summary>
    public static readonly MaterialRate Steel = new()
    {
        Group = "steel", DensityKgPerDm3 = 7.85m, PriceTiers = [new(0, 30), new(15, 25), new(100, 20)],
    };

    public static ShopRates Rates(params WorkCentre[] centres) => new()
    {
        Version = "test-1", Currency = "CZK", WorkCentres = centres.Length > 0 ? centres : [Lathe], Coefficients = Coefficients, Materials = [Steel],
    };

    /// <summary>A 100 × 50 × 20 mm steel block (0.1 dm³, 0.785 kg) turned on <see cref="Lathe"/>: setup 30 min, 2 min a piece.</summary>
    public static QuoteInputs Inputs(params int[] quantities) => new()
    {
        DocumentId = new string('a', 64),
        Part = new QuotePart("HX-100", "Block", "C45"),
        PlanVersion = 3,
        MaterialGroup = "steel",
        Stock = new Stock { Shape = StockShape.Block, LengthMm = 100, WidthMm = 50, HeightMm = 20 },
        Operations = [new PlannedStep(10, "L1", OperationKind.Turning, 30, 2)],
        Quantities = quantities.Length > 0 ? quantities : [10],
        Rates = Rates(),
    };

    public static QuoteBatch Batch(QuoteInputs inputs, int quantity) =>
        QuoteCalculator.Price(inputs).Quote!.Batches.Single(b => b.Quantity == quantity);
}
