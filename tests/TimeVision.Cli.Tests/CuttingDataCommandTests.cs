using TimeVision.Testing;

namespace TimeVision.Cli.Tests;

/// <summary>
/// <c>timevision cutting-data show|set|reset</c> on a data folder: the cutting data in use as text and JSON, an
/// override stored as a version that <c>plan --features</c> then uses, a bad file refused naming its field, a stale
/// version refused, and a reset back to the data folder's file.
/// </summary>
public sealed class CuttingDataCommandTests : IDisposable
{
    private const string Part = """
        { "partType": "PRI", "materialGroup": "steel",
          "features": [ { "id": "f1", "type": "drilling", "count": 4, "diameterMm": 8, "depthMm": 20 } ] }
        """;

    private const string SlowSteelDrilling = """{ "groups": [ { "group": "steel", "operations": { "drilling": { "vcMPerMin": 20 } } } ] }""";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_stored_override_is_shown_with_who_set_it_and_plan_features_uses_it()
    {
        var part = Write("part.json", Part);
        var shipped = await CliRunner.InvokeAsync("cutting-data", "show", "--data", _folder.Path, "--json");
        var plain = await CliRunner.InvokeAsync("plan", "--features", part, "--data", _folder.Path, "--json");

        var set = await CliRunner.InvokeAsync("cutting-data", "set", Write("slow.json", SlowSteelDrilling), "--by", "petr", "--data", _folder.Path);
        var text = await CliRunner.InvokeAsync("cutting-data", "show", "--data", _folder.Path);
        var json = await CliRunner.InvokeAsync("cutting-data", "show", "--data", _folder.Path, "--json");
        var slow = await CliRunner.InvokeAsync("plan", "--features", part, "--data", _folder.Path, "--json");

        Assert.Equal(("timevision-2026.12.1", "defaults"), (shipped.Json.GetProperty("version").GetString(), shipped.Json.GetProperty("origin").GetString()));
        Assert.True(set.ExitCode == 0, set.Stdout + set.Stderr);
        Assert.Equal(("timevision-2026.12.1+shop-1", "\"1\""), (set.Json.GetProperty("version").GetString(), set.Json.GetProperty("etag").GetString()));
        Assert.Contains("Cutting data timevision-2026.12.1+shop-1 (the shop's stored override shop-1 set ", text.Stdout, StringComparison.Ordinal);
        Assert.Contains(" by petr)", text.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"steel\s+P\s+\S*\s+[\d.]+ / [\d.]+\s+[\d.]+ / [\d.]+\s+20 / ", text.Stdout);
        Assert.Equal(("stored", "petr"), (json.Json.GetProperty("origin").GetString(), json.Json.GetProperty("stored").GetProperty("setBy").GetString()));
        Assert.Equal("timevision-2026.12.1+shop-1", slow.Json.GetProperty("cuttingDataVersion").GetString());
        Assert.True(slow.Json.GetProperty("cuttingMin").GetDouble() > plain.Json.GetProperty("cuttingMin").GetDouble());
    }

    [Fact]
    public async Task A_bad_file_is_bad_input_naming_the_field_a_stale_version_is_a_conflict_and_a_reset_goes_back_to_the_data_folders_file()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder.Path, "cutting-data.json"), """{ "version": "folder-2" }""", TestContext.Current.CancellationToken);
        var bad = await CliRunner.InvokeAsync("cutting-data", "set", Write("bad.json", """{ "groups": [ { "group": "steel", "operations": { "drilling": { "fMmPerRev": -0.1 } } } ] }"""), "--data", _folder.Path);
        var missing = await CliRunner.InvokeAsync("cutting-data", "set", Path.Combine(_folder.Path, "none.json"), "--data", _folder.Path);
        var first = await CliRunner.InvokeAsync("cutting-data", "set", Write("slow.json", SlowSteelDrilling), "--data", _folder.Path);
        var stale = await CliRunner.InvokeAsync("cutting-data", "set", Write("slow.json", SlowSteelDrilling), "--if-match", "\"0\"", "--data", _folder.Path);
        var reset = await CliRunner.InvokeAsync("cutting-data", "reset", "--by", "jana", "--data", _folder.Path);
        var text = await CliRunner.InvokeAsync("cutting-data", "show", "--data", _folder.Path);

        Assert.Equal((2, "invalid_value"), (bad.ExitCode, bad.Json.GetProperty("error").GetProperty("code").GetString()));
        Assert.Contains("field $.groups[0].operations.drilling.fMmPerRev: must be above 0", bad.Json.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal((2, "file_not_found"), (missing.ExitCode, missing.Json.GetProperty("error").GetProperty("code").GetString()));
        Assert.Equal("\"1\"", first.Json.GetProperty("etag").GetString());
        Assert.Equal((4, "stale_token"), (stale.ExitCode, stale.Json.GetProperty("error").GetProperty("code").GetString()));
        Assert.Equal(("timevision-2026.12.1+folder-2", "shop-2"), (reset.Json.GetProperty("version").GetString(), reset.Json.GetProperty("stored").GetString()));
        Assert.Contains("Cutting data timevision-2026.12.1+folder-2 (the data folder's cutting-data.json; shop-2 set ", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("by jana went back to it)", text.Stdout, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder.Path, name);
        File.WriteAllText(path, text);
        return path;
    }
}
