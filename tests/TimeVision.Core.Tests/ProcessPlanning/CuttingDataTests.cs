using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Core.Tests.ProcessPlanning;

/// <summary>The shipped cutting data and work centres, and a shop's override merged over them with its version.</summary>
public sealed class CuttingDataTests : IDisposable
{
    private readonly Testing.TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Every_default_cites_its_source()
    {
        var cutting = PlanningData.DefaultCutting;

        foreach (var group in cutting.Groups)
        {
            var o = group.Operations;
            var rows = new[] { o.Turning, o.Boring, o.Drilling, o.Reaming, o.Tapping, o.ThreadTurning, o.Grooving, o.Parting, o.Milling, o.Sawing }.OfType<OperationCutting>();
            Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r.Source), group.Group));
            Assert.False(string.IsNullOrWhiteSpace(group.IsoSource), group.Group);
        }

        Assert.All([cutting.Tools.Source, cutting.Defaults.Source, cutting.Deburring.Source, cutting.Inspection.Source], s => Assert.False(string.IsNullOrWhiteSpace(s)));
        Assert.All(PlanningData.DefaultCentres.WorkCentres, c => Assert.False(string.IsNullOrWhiteSpace(c.Source), c.Id));
    }

    [Fact]
    public void The_shops_gaps_are_filled_cast_iron_is_K_and_tool_steel_P()
    {
        var groups = PlanningData.DefaultCutting.Groups.ToDictionary(g => g.Group);

        Assert.Equal("K", groups["cast_iron"].Iso);
        Assert.Equal("P", groups["tool_steel"].Iso);
        Assert.Equal(360, groups["cast_iron"].Operations.Turning!.VcMPerMin);           // Kennametal K1 at f 0.2, not structural steel's 220
        Assert.All(TimeVision.Core.Estimating.Facts.MaterialCatalog.Groups, g => Assert.True(groups.ContainsKey(g), g)); // every group the facts reader names has data
    }

    [Theory]
    [InlineData("structural steel", "steel")]
    [InlineData("alloy steel", "alloy_steel")]
    [InlineData("AlMg3", "aluminium")]
    public void A_material_text_is_grouped_by_the_catalogue_not_by_the_letters_al(string material, string group)
    {
        var plan = Plans.Of(new FeatureSet { Material = material, Features = [new MachiningFeature { Type = FeatureType.Drilling, DiameterMm = 8 }] });

        Assert.Contains($"part: materialGroup = {group} (read from the material '{material}')", plan.DefaultsUsed);
    }

    [Fact]
    public void A_cast_iron_value_with_no_published_row_comes_from_its_fallback_and_says_so()
    {
        var plan = Plans.Of("cast_iron", new MachiningFeature { Id = "p", Type = FeatureType.Parting, DiameterMm = 40 });

        Assert.Contains("p: cutting.vcMPerMin = 100 (steel (fallback of cast_iron) parting)", plan.DefaultsUsed);
    }

    [Fact]
    public async Task A_shop_override_changes_one_value_keeps_the_rest_and_is_recorded_in_the_plans_version()
    {
        var file = Path.Combine(_folder.Path, "shop.json");
        await File.WriteAllTextAsync(file, """{ "version": "kovo-2026-12", "groups": [ { "group": "steel", "operations": { "milling": { "vcMPerMin": 120 } } } ] }""", TestContext.Current.CancellationToken);

        var cutting = (await PlanningData.LoadCuttingDataAsync(file, null, TestContext.Current.CancellationToken)).Value!;

        var milling = cutting.Groups.Single(g => g.Group == "steel").Operations.Milling!;
        Assert.Equal((120.0, 0.1), (milling.VcMPerMin!.Value, milling.FzMm!.Value));
        Assert.StartsWith("shop override kovo-2026-12", milling.Source, StringComparison.Ordinal);
        Assert.Equal("timevision-2026.12.1+kovo-2026-12", new ProcessPlanner(cutting, PlanningData.DefaultCentres).Plan(new FeatureSet()).CuttingDataVersion);
    }

    [Fact]
    public async Task The_data_folders_file_is_the_override_when_no_file_is_named()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder.Path, PlanningData.WorkCentresFileName), """{ "version": "v2", "workCentres": [ { "id": "80000001", "active": false } ] }""", TestContext.Current.CancellationToken);

        var centres = (await PlanningData.LoadWorkCentresAsync(null, _folder.Path, TestContext.Current.CancellationToken)).Value!;

        Assert.False(centres.WorkCentres.Single(c => c.Id == "80000001").Active);
        Assert.Equal(400, centres.WorkCentres.Single(c => c.Id == "80000001").DepreciationPerHour);
        Assert.Equal("gestima-seed-8e5fe945.2+v2", centres.Version);
    }

    [Fact]
    public void A_group_a_shop_adds_takes_what_it_leaves_out_from_structural_steel_and_says_so()
    {
        var cutting = PlanningData.Merge<CuttingDataTable>(
            PlanningData.CuttingDataFileName, """{ "version": "x", "groups": [ { "group": "bronze_cusn12", "iso": "N", "operations": { "drilling": { "vcMPerMin": 60 } } } ] }""", "shop.json").Value!;

        var plan = new ProcessPlanner(cutting, PlanningData.DefaultCentres).Plan(new FeatureSet
        {
            MaterialGroup = "bronze_cusn12", Features = [new MachiningFeature { Id = "d", Type = FeatureType.Drilling, DiameterMm = 8 }],
        });

        Assert.Equal(60, Plans.Line(plan, "d").Inputs["vc"]);
        Assert.Contains("d: cutting.fMmPerRev = 0.2 (steel (fallback of bronze_cusn12) drilling)", plan.DefaultsUsed);
    }

    [Theory]
    [InlineData("""{ "groups": [] }""", "field $.version")]
    [InlineData("""{ "version": "x", "groups": [ { "group": "steel", "operations": { "milling": { "vcMPerMin": 0 } } } ] }""", "field $.groups[0].operations.milling.vcMPerMin: must be above 0")]
    [InlineData("""{ "version": "x", "groups": [ { "group": "steel", "operations": { "miling": { "vcMPerMin": 100 } } } ] }""", "miling: unknown property")]
    [InlineData("""{ "version": "x", "groups": [ { "group": "steel", "operations": { "milling": { "fzMm": null } } } ] }""", "field $.groups[0].operations.milling.fzMm: must have a value")]
    public void A_bad_override_is_rejected_with_its_field(string json, string message)
    {
        var merged = PlanningData.Merge<CuttingDataTable>(PlanningData.CuttingDataFileName, json, "shop.json");

        Assert.Null(merged.Value);
        Assert.Contains(message, merged.Error!.Message, StringComparison.Ordinal);
    }
}
