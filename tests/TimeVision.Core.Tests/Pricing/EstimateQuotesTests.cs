using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Estimating.Pricing;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Tests.Storage;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Pricing;

/// <summary>
/// Quoting a stored estimate with the shop's rates, and frozen price sets: numbered per estimate, superseded by the
/// next, and reproduced exactly after the rates and the plan change.
/// </summary>
public sealed class EstimateQuotesTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 9, 10, 0, 0, TimeSpan.Zero);

    private static readonly FeatureSet Part = new()
    {
        PartType = Estimating.ProcessPlanning.PartType.Prismatic, Material = "C45", MaterialGroup = "steel",
        Stock = new Stock { Shape = StockShape.Block, LengthMm = 120, WidthMm = 80, HeightMm = 30 },
        Features =
        [
            new MachiningFeature { Id = "f1", Type = FeatureType.FaceMilling, LengthMm = 120, WidthMm = 80, DepthMm = 2 },
            new MachiningFeature { Id = "f3", Type = FeatureType.Drilling, Count = 4, DiameterMm = 6.75, DepthMm = 15 },
        ],
    };

    private readonly TempFolder _folder = new();
    private readonly ServiceProvider _services;

    public EstimateQuotesTests() => _services = CoreServices.Create(
        s => s.AddTimeVisionCore().AddSingleton<TimeProvider>(new FakeTimeProvider(Now)), ("Storage:DataDirectory", _folder.Path));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private EstimateQuotes Quotes => _services.Get<EstimateQuotes>();

    public void Dispose()
    {
        _services.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_stored_estimate_is_quoted_from_its_plan_and_stock_with_the_rates_in_use()
    {
        var id = await StoreAsync(Part);

        var quoted = await Quotes.QuoteAsync(id, new QuoteRequest(), null, Token);

        var quote = quoted.Quote!;
        var plan = new ProcessPlanner(PlanningData.DefaultCutting, PlanningData.DefaultCentres).Plan(Part);
        Assert.Equal(plan.Operations.Select(o => (o.WorkCentre, o.SetupMin, o.CycleMin)), quote.Operations.Select(o => (o.WorkCentre, o.SetupMin, o.CycleMin)));
        Assert.Equal([1, 10, 50, 100, 500], quote.Batches.Select(b => b.Quantity));
        Assert.Equal(("CZK", "steel", 1, $"defaults/{PricingDefaults.Version}/{PlanningData.DefaultCentres.Version}"), (quote.Currency, quote.Stock.MaterialGroup, quote.PlanVersion, quote.RatesVersion));
        Assert.Equal(0.288m * 7.85m, quote.Stock.WeightKg);
        Assert.Equal("C45", quote.Part.Material);
        var unitPrices = quote.Batches.Select(b => b.UnitPrice).ToList();
        Assert.Equal(unitPrices.OrderDescending(), unitPrices);
    }

    [Fact]
    public async Task A_frozen_quote_is_reproduced_exactly_after_the_rates_and_the_plan_change()
    {
        var id = await StoreAsync(Part);
        var frozen = (await Quotes.FreezeAsync(id, new QuoteRequest { Quantities = [1, 50] }, null, "jana", Token)).Quote!;
        var rates = _services.Get<ShopRatesService>();
        var defaults = (await rates.CurrentAsync(Token)).Rates!;
        await rates.SetAsync(defaults with { Coefficients = defaults.Coefficients with { Margin = 1.5m }, Materials = [.. defaults.Materials.Select(m => m with { DensityKgPerDm3 = m.DensityKgPerDm3 * 2 })] }, null, "petr", Token);
        var estimate = (await _services.Get<IEstimateStore>().GetAsync(id, Token))!;
        await _services.Get<EstimatePlans>().CorrectAsync(id, new FeatureSet { Features = [new MachiningFeature { Type = FeatureType.PocketMilling, LengthMm = 60, WidthMm = 40, DepthMm = 8 }] }, "jana", estimate.ETag!, Token);

        var read = (await Quotes.GetAsync(id, frozen.Id, Token))!;
        var now = (await Quotes.QuoteAsync(id, new QuoteRequest { Quantities = [1, 50] }, null, Token)).Quote!;

        Assert.Equal((1, "jana", (DateTimeOffset?)Now, (int?)null), (read.Id, read.FrozenBy, (DateTimeOffset?)read.FrozenAt, read.Supersedes));
        Assert.Equal(frozen.Quote.Batches, read.Quote.Batches);
        Assert.Equal(frozen.Quote.Batches, QuoteCalculator.Price(read.Inputs).Quote!.Batches);
        Assert.Equal((1, frozen.Quote.RatesVersion), (read.Quote.PlanVersion, read.Quote.RatesVersion));
        Assert.Equal(("shop-1", 2), (now.RatesVersion, now.PlanVersion));
        Assert.NotEqual(read.Quote.Batches[0].Total, now.Batches[0].Total);
        Assert.Equal(read.Inputs.Operations.Select(o => o.WorkCentre).Distinct().Order(), read.Inputs.Rates.WorkCentres.Select(c => c.Id).Order());
        Assert.All(read.Inputs.Rates.Materials, m => Assert.Equal("steel", m.Group));
    }

    [Fact]
    public async Task Each_frozen_quote_supersedes_the_newest_before_it_and_none_is_changed()
    {
        var id = await StoreAsync(Part);

        var first = (await Quotes.FreezeAsync(id, new QuoteRequest(), null, "jana", Token)).Quote!;
        var second = (await Quotes.FreezeAsync(id, new QuoteRequest { Quantities = [25] }, null, "petr", Token)).Quote!;
        var listed = (await Quotes.ListAsync(id, Token))!;

        Assert.Equal([(1, (int?)null, (int?)2), (2, 1, null)], listed.Select(q => (q.Id, q.Supersedes, q.SupersededBy)));
        Assert.Equal(first.Quote.Batches, listed[0].Quote.Batches);
        Assert.Equal((int?)2, (await Quotes.GetAsync(id, 1, Token))!.SupersededBy);
        Assert.Equal([25], second.Quote.Batches.Select(b => b.Quantity));
        Assert.Null(await Quotes.GetAsync(id, 3, Token));
        Assert.Null(await Quotes.ListAsync(new string('e', 64), Token));
    }

    [Fact]
    public async Task A_work_centre_the_plan_uses_without_rates_is_rates_missing_and_nothing_is_frozen()
    {
        var id = await StoreAsync(Part);
        var rates = _services.Get<ShopRatesService>();
        var defaults = (await rates.CurrentAsync(Token)).Rates!;
        var plan = (await _services.Get<IEstimateStore>().GetAsync(id, Token))!.Plan!.Routing!;
        var used = plan.Operations[0].WorkCentre;
        await rates.SetAsync(defaults with { WorkCentres = [.. defaults.WorkCentres.Select(c => c.Id == used ? c with { ToolsPerHour = null } : c)] }, null, null, Token);

        var frozen = await Quotes.FreezeAsync(id, new QuoteRequest(), null, null, Token);

        Assert.Null(frozen.Quote);
        Assert.Equal(QuoteProblem.RatesMissing, frozen.Problem!.Code);
        Assert.Contains($"work centre {used}", frozen.Problem.Message, StringComparison.Ordinal);
        Assert.Contains("toolsPerHour", frozen.Problem.Message, StringComparison.Ordinal);
        Assert.Empty((await Quotes.ListAsync(id, Token))!);
    }

    [Fact]
    public async Task An_unknown_estimate_is_not_found_and_one_without_a_plan_no_plan()
    {
        var bare = EstimateStoreContract.SampleDocument();
        await _services.Get<IEstimateStore>().SaveAsync(bare, null, Token);

        var unknown = await Quotes.QuoteAsync(new string('e', 64), new QuoteRequest(), null, Token);
        var noPlan = await Quotes.QuoteAsync(bare.Id, new QuoteRequest(), null, Token);

        Assert.Equal(QuoteProblem.NotFound, unknown.Problem!.Code);
        Assert.Equal(QuoteProblem.NoPlan, noPlan.Problem!.Code);
    }

    private async Task<string> StoreAsync(FeatureSet features)
    {
        var document = EstimateStoreContract.SampleDocument() with
        {
            Features = new DocumentFeatures
            {
                Version = 1, Merged = features,
                Readings = [new FeatureReading { Kind = FeatureSourceKind.Model, Version = 1, Features = features, Source = new FeatureSource(FeatureSourceKind.Model), At = Now }],
            },
            Plan = new DocumentPlan
            {
                FeaturesVersion = 1, CuttingDataVersion = PlanningData.DefaultCutting.Version, WorkCentresVersion = PlanningData.DefaultCentres.Version,
                Routing = new ProcessPlanner(PlanningData.DefaultCutting, PlanningData.DefaultCentres).Plan(features),
            },
        };
        await _services.Get<IEstimateStore>().SaveAsync(document, null, Token);
        return document.Id;
    }
}
