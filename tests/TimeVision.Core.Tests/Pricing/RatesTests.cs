using Microsoft.Extensions.Time.Testing;
using TimeVision.Core.Estimating.Pricing;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Tests.ProcessPlanning;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Pricing;

/// <summary>
/// The shop's rates: the shipped defaults are the shop's own and valid, a stored set is a new version guarded by the
/// version read (the first needs none), and the planner plans with the rates' work centres.
/// </summary>
public sealed class RatesTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 9, 10, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();
    private readonly ShopRatesService _rates;

    public RatesTests() => _rates = new ShopRatesService(
        new LocalRatesStore(_folder.Path), Microsoft.Extensions.Options.Options.Create(new TimeVision.Core.Storage.StorageOptions { DataDirectory = _folder.Path }), new FakeTimeProvider(Now));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_defaults_are_the_shops_rates_on_the_planners_own_work_centres_and_pass_the_rules()
    {
        var read = await _rates.CurrentAsync(Token);

        var rates = read.Rates!;
        Assert.Null(read.ETag);
        Assert.Null(RatesRules.Check(rates));
        Assert.Equal($"defaults/{PricingDefaults.Version}/{PlanningData.DefaultCentres.Version}", rates.Version);
        Assert.Equal(PlanningData.DefaultCentres.WorkCentres, rates.WorkCentres);
        Assert.Equal((1.20m, 1.25m, 1.15m, 1.10m, 0m), (rates.Coefficients.Overhead, rates.Coefficients.Margin, rates.Coefficients.Stock, rates.Coefficients.Coop, rates.Coefficients.ScrapPercent));
        var structural = rates.Materials.Single(m => m is { Group: "steel", Shape: null });
        Assert.Equal(7.85m, structural.DensityKgPerDm3);
        Assert.Equal([new(0, 30), new(15, 25), new(100, 20)], structural.PriceTiers);
        Assert.All(rates.Materials, m => Assert.False(string.IsNullOrEmpty(m.Source)));
    }

    [Fact]
    public async Task Every_centre_the_planner_chooses_by_itself_has_all_four_rates_so_a_default_plan_is_priced()
    {
        var rates = (await _rates.CurrentAsync(Token)).Rates!;

        var unpriced = rates.WorkCentres.Where(c => c.Automatic && c.Kind != WorkCentreKind.External && new[] { c.DepreciationPerHour, c.LabourPerHour, c.ToolsPerHour, c.OverheadPerHour }.Any(v => v is null));

        Assert.Empty(unpriced);
        var inspection = rates.WorkCentres.Single(c => c.Id == "80000013");
        Assert.Equal((0d, 350d, 0d, 100d), (inspection.DepreciationPerHour!.Value, inspection.LabourPerHour!.Value, inspection.ToolsPerHour!.Value, inspection.OverheadPerHour!.Value));
    }

    [Fact]
    public async Task The_first_set_needs_no_if_match_and_each_later_one_the_etag_of_the_version_it_changes()
    {
        var defaults = (await _rates.CurrentAsync(Token)).Rates!;

        var first = await _rates.SetAsync(defaults with { Coefficients = defaults.Coefficients with { Margin = 1.3m } }, null, "petr", Token);
        var unversioned = await _rates.SetAsync(defaults, null, "jana", Token);
        var stale = await _rates.SetAsync(defaults, "\"7\"", "jana", Token);
        var second = await _rates.SetAsync(defaults with { Coefficients = defaults.Coefficients with { Margin = 1.4m } }, first.ETag, "jana", Token);
        var current = await _rates.CurrentAsync(Token);

        Assert.Equal((RatesSetOutcome.Saved, "shop-1", "\"1\"", "petr", (DateTimeOffset?)Now), (first.Outcome, first.Rates!.Version, first.ETag, first.Rates.SetBy, first.Rates.SetAt));
        Assert.Equal(RatesSetOutcome.Stale, unversioned.Outcome);
        Assert.Contains("shop-1", unversioned.Message, StringComparison.Ordinal);
        Assert.Equal(RatesSetOutcome.Stale, stale.Outcome);
        Assert.Equal((RatesSetOutcome.Saved, "shop-2"), (second.Outcome, second.Rates!.Version));
        Assert.Equal(("shop-2", "\"2\"", 1.4m), (current.Rates!.Version, current.ETag, current.Rates.Coefficients.Margin));
    }

    [Fact]
    public async Task Rates_that_break_a_rule_are_refused_with_the_field_and_nothing_is_stored()
    {
        var defaults = (await _rates.CurrentAsync(Token)).Rates!;
        var negative = defaults with { WorkCentres = [.. defaults.WorkCentres.Select(c => c.Id == "80000003" ? c with { LabourPerHour = -1 } : c)] };

        var refused = await _rates.SetAsync(negative, null, null, Token);

        Assert.Equal(RatesSetOutcome.Invalid, refused.Outcome);
        Assert.Equal("field $.workCentres[2].labourPerHour: must be at least 0.", refused.Message);
        Assert.Null((await _rates.CurrentAsync(Token)).ETag);
    }

    [Theory]
    [InlineData("""{ "currency": "Kč" }""", "field $.currency")]
    [InlineData("""{ "coefficients": { "ke": 0 } }""", "field $.coefficients.ke: must be above 0")]
    [InlineData("""{ "coefficients": { "margin": 125 } }""", "field $.coefficients.margin: must be above 0 and at most 10")]
    [InlineData("""{ "coefficients": { "scrapPercent": 120 } }""", "field $.coefficients.scrapPercent")]
    [InlineData("""{ "materials": [ { "group": "steel", "densityKgPerDm3": 7.85, "priceTiers": [ { "minKg": 15, "pricePerKg": 25 } ] } ] }""", "one tier must start at 0 kg")]
    [InlineData("""{ "materials": [ { "group": "unobtainium", "densityKgPerDm3": 1, "priceTiers": [ { "minKg": 0, "pricePerKg": 1 } ] } ] }""", "field $.materials[0].group")]
    [InlineData("""{ "materials": [ { "group": "steel", "densityKgPerDm3": 0, "priceTiers": [ { "minKg": 0, "pricePerKg": 1 } ] } ] }""", "densityKgPerDm3: must be above 0")]
    [InlineData("""{ "workCentres": [ { "id": "A", "kind": "milling" }, { "id": "A", "kind": "turning" } ] }""", "field $.workCentres[1].id")]
    [InlineData("""{ "colour": "red" }""", "unknown property")]
    public async Task A_rates_document_is_checked_field_by_field(string change, string message)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize((await _rates.CurrentAsync(Token)).Rates, PlanningJson.Options))!.AsObject();
        foreach (var (name, value) in System.Text.Json.Nodes.JsonNode.Parse(change)!.AsObject())
        {
            json[name] = value is System.Text.Json.Nodes.JsonObject inner && json[name] is System.Text.Json.Nodes.JsonObject existing
                ? Merged(existing, inner)
                : value?.DeepClone();
        }

        var read = RatesFile.Parse(json.ToJsonString(), "rates.json");

        Assert.Null(read.Value);
        Assert.Contains(message, read.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stored_estimates_are_planned_with_the_stored_rates_work_centres_one_list_not_two()
    {
        var source = (IWorkCentreSource)_rates;
        var defaults = (await _rates.CurrentAsync(Token)).Rates!;
        var before = (await source.CurrentAsync(Token)).Value!;

        await _rates.SetAsync(defaults with { WorkCentres = [.. defaults.WorkCentres.Select(c => c.Id == "80000008" ? c with { Active = false } : c)] }, null, null, Token);
        var after = (await source.CurrentAsync(Token)).Value!;

        Assert.Equal(PlanningData.DefaultCentres.Version, before.Version);
        Assert.Equal("shop-1", after.Version);
        Assert.False(after.WorkCentres.Single(c => c.Id == "80000008").Active);
        var block = new FeatureSet { MaterialGroup = "steel", Features = [new MachiningFeature { Type = FeatureType.PocketMilling, LengthMm = 60, WidthMm = 40, DepthMm = 8 }] };
        Assert.Contains(Plans.Of(block).Operations, o => o.WorkCentre == "80000008");
        Assert.DoesNotContain(new ProcessPlanner(PlanningData.DefaultCutting, after).Plan(block).Operations, o => o.WorkCentre == "80000008");
    }

    private static System.Text.Json.Nodes.JsonObject Merged(System.Text.Json.Nodes.JsonObject existing, System.Text.Json.Nodes.JsonObject change)
    {
        var merged = (System.Text.Json.Nodes.JsonObject)existing.DeepClone();
        foreach (var (name, value) in change)
        {
            merged[name] = value?.DeepClone();
        }

        return merged;
    }
}
