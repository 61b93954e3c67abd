using TimeVision.Core.Estimating.Pricing;
using TimeVision.Core.Estimating.ProcessPlanning;
using static TimeVision.Core.Tests.Pricing.Quotes;

namespace TimeVision.Core.Tests.Pricing;

/// <summary>The price formula of src/docs/quote.md on cases worked out by hand.</summary>
public sealed class QuoteCalculatorTests
{
    [Fact]
    public void Machine_cost_is_setup_and_run_at_their_hourly_rates_with_overhead_and_margin()
    {
        var batch = Batch(Inputs(10), 10);

        // setup 30/60 × 850 = 425; run 10 × 2/60 × 1000 = 333.33…; 758.33… × 1.2 × 1.25 = 1137.5.
        Assert.Equal(1137.5m, batch.MachineCost);
    }

    [Fact]
    public void Material_is_the_stock_weight_at_its_tier_with_the_stock_coefficient_and_the_tier_changes_with_the_batch_weight()
    {
        var inputs = Inputs(10, 20, 200);
        var quote = QuoteCalculator.Price(inputs).Quote!;

        // 100 × 50 × 20 mm = 0.1 dm³ × 7.85 = 0.785 kg a piece.
        Assert.Equal((0.1m, 0.785m), (quote.Stock.VolumeDm3, quote.Stock.WeightKg));
        var (ten, twenty, twoHundred) = (quote.Batches[0], quote.Batches[1], quote.Batches[2]);
        Assert.Equal((7.85m, 30m, 0.785m * 30 * 1.15m * 10), (ten.BatchWeightKg, ten.PricePerKg, ten.MaterialCost));
        Assert.Equal((15.7m, 25m, 0.785m * 25 * 1.15m * 20), (twenty.BatchWeightKg, twenty.PricePerKg, twenty.MaterialCost));
        Assert.Equal((157m, 20m, 0.785m * 20 * 1.15m * 200), (twoHundred.BatchWeightKg, twoHundred.PricePerKg, twoHundred.MaterialCost));
        Assert.Equal(270.825m, ten.MaterialCost);
    }

    [Fact]
    public void A_tier_starts_at_its_minimum_weight_itself()
    {
        // A 100 × 100 × 150 mm block at 1 kg/dm³ weighs 1.5 kg: 9 pieces 13.5 kg, 10 pieces exactly 15 kg.
        var inputs = Inputs(9, 10) with
        {
            Rates = Rates() with { Materials = [Steel with { DensityKgPerDm3 = 1 }] },
            Stock = new Stock { Shape = StockShape.Block, LengthMm = 100, WidthMm = 100, HeightMm = 150 },
        };

        var quote = QuoteCalculator.Price(inputs).Quote!;

        Assert.Equal((13.5m, 30m), (quote.Batches[0].BatchWeightKg, quote.Batches[0].PricePerKg));
        Assert.Equal((15m, 25m), (quote.Batches[1].BatchWeightKg, quote.Batches[1].PricePerKg));
    }

    [Fact]
    public void Scrap_raises_machine_and_material_by_its_percentage_and_cooperation_not()
    {
        var plain = Inputs(10) with { Cooperation = [new CooperationLine { Name = "hardening", PricePerPiece = 12 }] };
        var withScrap = plain with { Rates = Rates() with { Coefficients = Coefficients with { ScrapPercent = 10 } } };

        var (a, b) = (Batch(plain, 10), Batch(withScrap, 10));

        Assert.Equal((1137.5m * 1.1m, 270.825m * 1.1m), (b.MachineCost, b.MaterialCost));
        Assert.Equal((1137.5m, 270.825m), (a.MachineCost, a.MaterialCost));
        Assert.Equal((132m, 132m), (a.CooperationCost, b.CooperationCost));
    }

    [Fact]
    public void Ke_divides_the_run_time_and_ko_is_the_share_of_labour_during_the_run_while_setup_takes_neither()
    {
        var inputs = Inputs(10) with { Rates = Rates() with { Coefficients = Coefficients with { Ke = 0.8m, Ko = 0.5m } } };

        var quote = QuoteCalculator.Price(inputs).Quote!;

        var operation = Assert.Single(quote.Operations);
        Assert.Equal((850m, 400m + 150 + 150 + (0.5m * 300)), (operation.SetupRatePerHour, operation.RunRatePerHour));
        // run 10 × 2/60/0.8 × 850 = 354.1666…; (425 + 354.1666…) × 1.5 = 1168.75.
        Assert.Equal(1168.75m, quote.Batches[0].MachineCost);
    }

    [Fact]
    public void A_cooperation_line_costs_price_times_coop_times_quantity_but_at_least_its_minimum()
    {
        var inputs = Inputs(10, 100) with { Cooperation = [new CooperationLine { Name = "zinc plating", PricePerPiece = 5, MinPrice = 300 }] };

        var quote = QuoteCalculator.Price(inputs).Quote!;

        // 5 × 1.1 × 10 = 55 is below the minimum 300; 5 × 1.1 × 100 = 550 is above it.
        Assert.Equal(300m, quote.Batches[0].CooperationCost);
        Assert.Equal(550m, quote.Batches[1].CooperationCost);
        Assert.Equal(quote.Batches[0].MachineCost + quote.Batches[0].MaterialCost + 300m, quote.Batches[0].Total);
        Assert.Equal(quote.Batches[0].Total / 10, quote.Batches[0].UnitPrice);
    }

    [Fact]
    public void A_tube_is_weighed_without_its_bore_and_priced_by_its_own_row()
    {
        var tubeRow = Steel with { Shape = StockShape.Tube, PriceTiers = [new(0, 35)] };
        var inputs = Inputs(1) with
        {
            Stock = new Stock { Shape = StockShape.Tube, DiameterMm = 40, InnerDiameterMm = 30, LengthMm = 100 },
            Rates = Rates() with { Materials = [Steel, tubeRow] },
        };

        var quote = QuoteCalculator.Price(inputs).Quote!;

        // π/4 × (40² − 30²) × 100 mm³ = 54,977.9 mm³.
        Assert.Equal(Math.PI / 4 * 700 * 100 / 1e6, (double)quote.Stock.VolumeDm3, 9);
        Assert.Equal(35m, quote.Batches[0].PricePerKg);
    }

    [Fact]
    public void The_unit_price_falls_as_the_batch_grows()
    {
        var quote = QuoteCalculator.Price(Inputs(1, 10, 50, 100, 500)).Quote!;

        var unitPrices = quote.Batches.Select(b => b.UnitPrice).ToList();
        Assert.Equal(unitPrices.OrderDescending(), unitPrices);
        Assert.Equal(unitPrices.Count, unitPrices.Distinct().Count());
    }

    [Fact]
    public void Missing_rates_are_named_each_and_nothing_is_priced()
    {
        var inspection = new WorkCentre { Id = "Q1", Name = "inspection", Kind = WorkCentreKind.Inspection, LabourPerHour = 350, OverheadPerHour = 100 };
        var inputs = Inputs(10) with
        {
            MaterialGroup = "titanium",
            Operations = [new PlannedStep(10, "L1", OperationKind.Turning, 30, 2), new PlannedStep(20, "Q1", OperationKind.Inspection, 15, 0), new PlannedStep(30, "M9", OperationKind.Milling, 30, 1)],
            Rates = Rates(Lathe, inspection),
        };

        var priced = QuoteCalculator.Price(inputs);

        Assert.Null(priced.Quote);
        Assert.Equal(QuoteProblem.RatesMissing, priced.Problem!.Code);
        Assert.Contains("work centre Q1 (inspection): depreciationPerHour, toolsPerHour", priced.Problem.Message, StringComparison.Ordinal);
        Assert.Contains("work centre M9 (not in the rates)", priced.Problem.Message, StringComparison.Ordinal);
        Assert.Contains("material titanium (block stock)", priced.Problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("L1", priced.Problem.Message, StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, string> { ["centres"] = "Q1 (inspection), M9", ["group"] = "titanium" }, priced.Problem.Params);
    }

    [Theory]
    [InlineData(StockShape.Plate, "widthMm")]
    [InlineData(StockShape.Bar, "diameterMm")]
    [InlineData(StockShape.Tube, "innerDiameterMm")]
    public void A_stock_without_the_sizes_its_shape_needs_has_no_weight_and_no_price(StockShape shape, string named)
    {
        var inputs = Inputs(10) with { Stock = new Stock { Shape = shape, LengthMm = 100, HeightMm = 20, DiameterMm = shape == StockShape.Tube ? 30 : null } };

        var priced = QuoteCalculator.Price(inputs);

        Assert.Null(priced.Quote);
        Assert.Equal(QuoteProblem.NoStock, priced.Problem!.Code);
        Assert.Contains(named, priced.Problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_stock_no_material_group_a_bore_as_large_as_the_tube_and_bad_quantities_each_have_their_code()
    {
        Assert.Equal(QuoteProblem.NoStock, QuoteCalculator.Price(Inputs(10) with { Stock = null }).Problem!.Code);
        Assert.Equal(QuoteProblem.NoMaterialGroup, QuoteCalculator.Price(Inputs(10) with { MaterialGroup = null }).Problem!.Code);
        var tube = Inputs(10) with { Stock = new Stock { Shape = StockShape.Tube, DiameterMm = 30, InnerDiameterMm = 30, LengthMm = 50 } };
        Assert.Contains("bore", QuoteCalculator.Price(tube).Problem!.Message, StringComparison.Ordinal);
        Assert.Equal(QuoteProblem.InvalidQuantities, QuoteCalculator.Price(Inputs(10) with { Quantities = [10, 10] }).Problem!.Code);
        Assert.Equal(QuoteProblem.InvalidQuantities, QuoteCalculator.Price(Inputs(10) with { Quantities = [0] }).Problem!.Code);
        var notExternal = Inputs(10) with { Cooperation = [new CooperationLine { Name = "paint", WorkCentre = "L1", PricePerPiece = 1 }] };
        Assert.Equal(QuoteProblem.InvalidCooperation, QuoteCalculator.Price(notExternal).Problem!.Code);
    }

    [Theory]
    [InlineData("1,10,50,100,500", new[] { 1, 10, 50, 100, 500 }, null)]
    [InlineData(" 5; 20 ", new[] { 5, 20 }, null)]
    [InlineData("1,x", null, "'x' is not a whole number")]
    [InlineData("1,-3", null, "'-3' is not a whole number")]
    [InlineData("1,1", null, "listed twice")]
    [InlineData("2000000", null, "1 to 1,000,000 pieces")]
    [InlineData("", null, "at least one")]
    public void Quantities_are_read_from_a_list_or_refused_with_the_reason(string text, int[]? expected, string? problem)
    {
        var error = QuoteRequest.TryParseQuantities(text, out var quantities);

        if (expected is not null)
        {
            Assert.Null(error);
            Assert.Equal(expected, quantities);
        }
        else
        {
            Assert.Contains(problem!, error, StringComparison.Ordinal);
        }
    }
}
