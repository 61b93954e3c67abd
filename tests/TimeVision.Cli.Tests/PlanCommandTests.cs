using TimeVision.Testing;

namespace TimeVision.Cli.Tests;

/// <summary><c>timevision plan --features FILE</c>: a features file's routing and minutes, with no document.</summary>
public sealed class PlanCommandTests : IDisposable
{
    private const string Part = """
        { "partType": "PRI", "materialGroup": "steel",
          "stock": { "shape": "block", "lengthMm": 120, "widthMm": 80, "heightMm": 30 },
          "features": [
            { "id": "f1", "type": "face_milling", "lengthMm": 120, "widthMm": 80, "depthMm": 2 },
            { "id": "f2", "type": "drilling", "count": 4, "diameterMm": 6.8, "depthMm": 15 },
            { "id": "f3", "type": "tapping", "count": 4, "thread": "M8", "depthMm": 12 } ] }
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_features_file_is_planned_as_json_with_the_cutting_data_version()
    {
        var run = await CliRunner.InvokeAsync("plan", "--features", Write("part.json", Part), "--data", _folder.Path, "--json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var kinds = run.Json.GetProperty("operations").EnumerateArray().Select(o => o.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["sawing", "milling", "drilling", "deburring", "inspection"], kinds);
        Assert.Equal("timevision-2026.12.1", run.Json.GetProperty("cuttingDataVersion").GetString());
        Assert.True(run.Json.GetProperty("cycleMin").GetDouble() > run.Json.GetProperty("cuttingMin").GetDouble());
    }

    [Fact]
    public async Task Without_json_the_routing_and_each_features_formula_are_printed()
    {
        var run = await CliRunner.InvokeAsync("plan", "--features", Write("part.json", Part), "--data", _folder.Path);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("Routing", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("80000008", run.Stdout, StringComparison.Ordinal);             // the milling centre
        Assert.Contains("2·L/(P·n) per hole", run.Stdout, StringComparison.Ordinal);   // the tapping line's formula
        Assert.Contains("batch: 1 pcs", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cutting_data_override_changes_the_plan_and_its_version()
    {
        var cutting = Write("shop.json", """{ "version": "shop-1", "groups": [ { "group": "steel", "operations": { "drilling": { "vcMPerMin": 45 } } } ] }""");

        var plain = await CliRunner.InvokeAsync("plan", "--features", Write("part.json", Part), "--data", _folder.Path, "--json");
        var shop = await CliRunner.InvokeAsync("plan", "--features", Write("part.json", Part), "--data", _folder.Path, "--cutting-data", cutting, "--json");

        Assert.True(shop.ExitCode == 0, shop.Stderr);
        Assert.Equal("timevision-2026.12.1+shop-1", shop.Json.GetProperty("cuttingDataVersion").GetString());
        Assert.True(shop.Json.GetProperty("cuttingMin").GetDouble() > plain.Json.GetProperty("cuttingMin").GetDouble()); // half the drilling speed
    }

    [Theory]
    [InlineData("{ \"features\": [\n  { \"type\": \"drilling\", \"count\": \"four\" } ] }", "invalid_json", "bad.json line 2, field $.features[0].count")]
    [InlineData("{ \"features\": [ { \"type\": \"drilling\", \"depthMm\": 0 } ] }", "invalid_value", "field $.features[0].depthMm: must be above 0")]
    public async Task A_bad_features_file_is_bad_input_naming_the_line_and_field(string json, string code, string message)
    {
        var run = await CliRunner.InvokeAsync("plan", "--features", Write("bad.json", json), "--data", _folder.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(code, run.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains(message, run.Json.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_work_centres_file_is_bad_input()
    {
        var run = await CliRunner.InvokeAsync("plan", "--features", Write("part.json", Part), "--data", _folder.Path, "--work-centres", Path.Combine(_folder.Path, "none.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("file_not_found", run.Json.GetProperty("error").GetProperty("code").GetString());
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder.Path, name);
        File.WriteAllText(path, text);
        return path;
    }
}
