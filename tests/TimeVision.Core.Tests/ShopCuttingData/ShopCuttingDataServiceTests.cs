using Microsoft.Extensions.Time.Testing;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Estimating.ShopCuttingData;
using TimeVision.Core.Storage;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.ShopCuttingData;

/// <summary>
/// The shop's cutting data: the stored override wins over the data folder's file, which wins over the shipped values;
/// each set or reset is a new version guarded by the version read; a bad override is refused naming its field and
/// stores nothing; and the planner plans with what is stored.
/// </summary>
public sealed class ShopCuttingDataServiceTests : IDisposable
{
    private const string SlowSteelDrilling = """{ "groups": [ { "group": "steel", "operations": { "drilling": { "vcMPerMin": 20 } } } ] }""";
    private const string FolderFile = """{ "version": "folder-7", "groups": [ { "group": "steel", "operations": { "drilling": { "vcMPerMin": 60 } } } ] }""";
    private static readonly DateTimeOffset Now = new(2026, 12, 9, 10, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _folder = new();
    private readonly ShopCuttingDataService _cutting;

    public ShopCuttingDataServiceTests() => _cutting = new ShopCuttingDataService(
        new LocalCuttingDataStore(_folder.Path), Microsoft.Extensions.Options.Options.Create(new StorageOptions { DataDirectory = _folder.Path }), new FakeTimeProvider(Now));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string Defaults => PlanningData.DefaultCutting.Version;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_stored_override_wins_over_the_data_folders_file_which_wins_over_the_shipped_values_and_a_reset_goes_back()
    {
        var shipped = await _cutting.CurrentAsync(Token);
        await File.WriteAllTextAsync(Path.Combine(_folder.Path, PlanningData.CuttingDataFileName), FolderFile, Token);
        var folder = await _cutting.CurrentAsync(Token);
        var set = await _cutting.SetAsync(SlowSteelDrilling, folder.ETag, "petr", Token);
        var stored = await _cutting.CurrentAsync(Token);
        var reset = await _cutting.ResetAsync(stored.ETag, "jana", Token);

        Assert.Equal((Defaults, CuttingDataInUse.FromDefaults, "\"0\""), (shipped.InUse!.Version, shipped.InUse.Origin, shipped.ETag));
        Assert.Null(shipped.InUse.Stored);
        Assert.Equal(($"{Defaults}+folder-7", CuttingDataInUse.FromDataFolder, 60d), (folder.InUse!.Version, folder.InUse.Origin, SteelDrillingVc(folder)));
        Assert.Equal(CuttingDataSetOutcome.Saved, set.Outcome);
        Assert.Equal(($"{Defaults}+shop-1", CuttingDataInUse.FromStore, "\"1\"", 20d), (stored.InUse!.Version, stored.InUse.Origin, stored.ETag, SteelDrillingVc(stored)));
        Assert.Equal(("shop-1", "petr", (DateTimeOffset?)Now), (stored.InUse.Stored!.Version, stored.InUse.Stored.SetBy, stored.InUse.Stored.SetAt));
        Assert.Equal(($"{Defaults}+folder-7", CuttingDataInUse.FromDataFolder, "\"2\""), (reset.Read!.InUse!.Version, reset.Read.InUse.Origin, reset.Read.ETag));
        Assert.Equal(("shop-2", "jana"), (reset.Read.InUse.Stored!.Version, reset.Read.InUse.Stored.SetBy));
        Assert.Null(reset.Read.InUse.Stored.Values);
    }

    [Fact]
    public async Task Each_set_names_the_version_it_changes_a_missing_or_old_one_is_stale_and_nothing_is_overwritten()
    {
        var unversioned = await _cutting.SetAsync(SlowSteelDrilling, null, null, Token);
        var first = await _cutting.SetAsync(SlowSteelDrilling, "\"0\"", null, Token);
        var stale = await _cutting.SetAsync("{}", "\"0\"", null, Token);
        var staleReset = await _cutting.ResetAsync("\"7\"", null, Token);
        var second = await _cutting.SetAsync("""{ "version": "ignored", "tools": { "endMillTeeth": 3 } }""", "W/\"1\"", null, Token);
        var current = await _cutting.CurrentAsync(Token);

        Assert.Equal(CuttingDataSetOutcome.Stale, unversioned.Outcome);
        Assert.Equal((CuttingDataSetOutcome.Saved, "\"1\""), (first.Outcome, first.Read!.ETag));
        Assert.Equal(CuttingDataSetOutcome.Stale, stale.Outcome);
        Assert.Contains("shop-1 is stored", stale.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(CuttingDataSetOutcome.Stale, staleReset.Outcome);
        Assert.Equal(CuttingDataSetOutcome.Saved, second.Outcome);
        Assert.Equal(($"{Defaults}+shop-2", "\"2\"", 3), (current.InUse!.Version, current.ETag, current.InUse.CuttingData.Tools.EndMillTeeth));
        Assert.Equal(PlanningData.DefaultCutting.Groups.Single(g => g.Group == "steel").Operations.Drilling!.VcMPerMin, SteelDrillingVc(current));
    }

    [Theory]
    [InlineData("""{ "groups": [ { "group": "steel", "operations": { "drilling": { "vcMPerMin": 0 } } } ] }""", "invalid_value", "field $.groups[0].operations.drilling.vcMPerMin: must be above 0")]
    [InlineData("""{ "tools": { "endMillTeeth": -2 } }""", "invalid_value", "field $.tools.endMillTeeth: must be above 0")]
    [InlineData("""{ "groups": [ { "group": "steel", "operations": { "drilling": { "speed": 30 } } } ] }""", "invalid_json", "unknown property")]
    [InlineData("""{ "groups": [ { "group": "steel", "operations": { "drilling": { "vcMPerMin": "fast" } } } ] }""", "invalid_json", "vcMPerMin")]
    [InlineData("""[ 1, 2 ]""", "invalid_json", "not a JSON object")]
    [InlineData("""{ "groups": [ """, "invalid_json", "not valid JSON")]
    [InlineData("""{ "tools": { "endMillTeeth": 4, "endMillTeeth": 3 } }""", "invalid_json", "not valid JSON")]
    public async Task A_bad_override_is_refused_naming_the_field_and_nothing_is_stored(string json, string code, string message)
    {
        var refused = await _cutting.SetAsync(json, "\"0\"", "petr", Token);
        var current = await _cutting.CurrentAsync(Token);

        Assert.Equal(CuttingDataSetOutcome.Invalid, refused.Outcome);
        Assert.Equal(code, refused.Error!.Code);
        Assert.Contains(message, refused.Error.Message, StringComparison.Ordinal);
        Assert.Equal(("\"0\"", Defaults), (current.ETag, current.InUse!.Version));
        Assert.False(Directory.Exists(Path.Combine(_folder.Path, CosmosCuttingDataStore.Kind)));
    }

    [Fact]
    public async Task A_plan_made_after_a_lower_drilling_speed_is_stored_records_its_version_and_takes_longer()
    {
        var source = (ICuttingDataSource)_cutting;
        var part = new FeatureSet { MaterialGroup = "steel", Features = [new MachiningFeature { Type = FeatureType.Drilling, Count = 4, DiameterMm = 8, DepthMm = 20 }] };
        var before = new ProcessPlanner((await source.CurrentAsync(Token)).Value!, PlanningData.DefaultCentres).Plan(part);

        await _cutting.SetAsync(SlowSteelDrilling, "\"0\"", "petr", Token);
        var after = new ProcessPlanner((await source.CurrentAsync(Token)).Value!, PlanningData.DefaultCentres).Plan(part);

        Assert.Equal((Defaults, $"{Defaults}+shop-1"), (before.CuttingDataVersion, after.CuttingDataVersion));
        Assert.True(after.CuttingMin > before.CuttingMin, $"{after.CuttingMin} <= {before.CuttingMin}");
    }

    private static double? SteelDrillingVc(CuttingDataRead read) => read.InUse!.CuttingData.Groups.Single(g => g.Group == "steel").Operations.Drilling!.VcMPerMin;
}
