using TimeVision.Testing;

namespace TimeVision.Cli.Tests;

/// <summary>
/// <c>timevision plan --features FILE</c>: a features file's routing and minutes, with no document; <c>timevision plan
/// &lt;id&gt;</c>: a stored estimate's plan, which <c>estimate</c> and <c>show</c> print under their summary, and with
/// <c>--replan</c> made again after the shop's cutting data changed.
/// </summary>
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

    [Fact]
    public async Task A_stored_estimates_plan_is_shown_with_where_each_feature_came_from()
    {
        var estimate = await CliRunner.InvokeAsync("estimate", RepositoryPaths.Sample("edocr-adapterplatte.pdf"), "--offline", "--data", _folder.Path, "--json");
        var id = estimate.Json.GetProperty("id").GetString()!;

        var table = await CliRunner.InvokeAsync("plan", id, "--data", _folder.Path);
        var json = await CliRunner.InvokeAsync("plan", id, "--data", _folder.Path, "--json");

        Assert.True(table.ExitCode == 0, table.Stderr);
        Assert.Contains("features v1, cutting data timevision-2026.12.1, work centres gestima-seed-8e5fe945.2", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("2·L/(P·n) per hole", table.Stdout, StringComparison.Ordinal);   // the tapped holes of its text layer
        Assert.Contains("Where each feature came from", table.Stdout, StringComparison.Ordinal);
        Assert.Equal(id, json.Json.GetProperty("id").GetString());
        Assert.Equal(1, json.Json.GetProperty("features").GetProperty("version").GetInt32());
        Assert.Contains(
            json.Json.GetProperty("features").GetProperty("merged").GetProperty("features").EnumerateArray(),
            f => f.GetProperty("type").GetString() == "tapping" && f.GetProperty("source").GetProperty("kind").GetString() == "text_layer");
        var kinds = json.Json.GetProperty("plan").GetProperty("routing").GetProperty("operations").EnumerateArray().Select(o => o.GetProperty("kind").GetString());
        Assert.Contains("drilling", kinds);
        Assert.Equal(estimate.Json.GetProperty("plan").GetProperty("routing").GetProperty("cycleMin").GetDouble(), json.Json.GetProperty("plan").GetProperty("routing").GetProperty("cycleMin").GetDouble());
    }

    [Fact]
    public async Task After_slower_cutting_data_is_set_the_plan_says_so_and_replan_makes_it_again_with_the_new_version()
    {
        var estimate = await CliRunner.InvokeAsync("estimate", RepositoryPaths.Sample("edocr-adapterplatte.pdf"), "--offline", "--data", _folder.Path, "--json");
        var id = estimate.Json.GetProperty("id").GetString()!;
        var before = await CliRunner.InvokeAsync("plan", id, "--data", _folder.Path, "--json");
        var group = before.Json.GetProperty("features").GetProperty("merged").GetProperty("materialGroup").GetString();
        var slow = Write("slow.json", $$$"""{ "groups": [ { "group": "{{{group}}}", "operations": { "drilling": { "vcMPerMin": 5 } } } ] }""");

        var set = await CliRunner.InvokeAsync("cutting-data", "set", slow, "--data", _folder.Path);
        var behind = await CliRunner.InvokeAsync("plan", id, "--data", _folder.Path);
        var replanned = await CliRunner.InvokeAsync("plan", id, "--replan", "--data", _folder.Path, "--json");
        var after = await CliRunner.InvokeAsync("plan", id, "--data", _folder.Path);

        Assert.True(set.ExitCode == 0, set.Stderr);
        Assert.Contains($"plan {id} --replan makes it again", behind.Stderr, StringComparison.Ordinal);
        Assert.True(replanned.ExitCode == 0, replanned.Stderr);
        var plan = replanned.Json.GetProperty("plan");
        Assert.Equal(("timevision-2026.12.1+shop-1", 1), (plan.GetProperty("cuttingDataVersion").GetString(), plan.GetProperty("featuresVersion").GetInt32()));
        Assert.True(
            plan.GetProperty("routing").GetProperty("cuttingMin").GetDouble() > before.Json.GetProperty("plan").GetProperty("routing").GetProperty("cuttingMin").GetDouble(),
            "Slower drilling takes longer.");
        Assert.DoesNotContain("--replan", after.Stderr, StringComparison.Ordinal);
        Assert.Contains("cutting data timevision-2026.12.1+shop-1", after.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Estimate_and_show_print_the_routing_under_their_summary()
    {
        var estimate = await CliRunner.InvokeAsync("estimate", RepositoryPaths.Sample("edocr-adapterplatte.pdf"), "--offline", "--data", _folder.Path);
        var id = estimate.Stdout.Split('\n').Single(line => line.StartsWith("id ", StringComparison.Ordinal))[3..].Trim();
        var show = await CliRunner.InvokeAsync("show", id, "--data", _folder.Path);

        Assert.True(estimate.ExitCode == 0, estimate.Stderr);
        foreach (var output in new[] { estimate.Stdout, show.Stdout })
        {
            var routing = output[output.IndexOf("Process plan (features v1", StringComparison.Ordinal)..];
            Assert.True(routing.IndexOf("Document total", StringComparison.Ordinal) < 0, "The routing comes under the summary.");
            Assert.Matches(@"\n +20 +drilling +80000008 +36 +1\.41\r?\n", routing);
        }
    }

    [Fact]
    public async Task An_unknown_id_or_an_estimate_without_a_plan_is_an_error_with_its_code()
    {
        var blank = Write("blank.pdf", string.Empty);
        await File.WriteAllBytesAsync(blank, TestPdfs.WithPages(1), TestContext.Current.CancellationToken);
        var estimate = await CliRunner.InvokeAsync("estimate", blank, "--offline", "--data", _folder.Path, "--json");

        var unknown = await CliRunner.InvokeAsync("plan", new string('a', 64), "--data", _folder.Path);
        var none = await CliRunner.InvokeAsync("plan", estimate.Json.GetProperty("id").GetString()!, "--data", _folder.Path);
        var neither = await CliRunner.InvokeAsync("plan", "--data", _folder.Path);

        Assert.Equal((2, "not_found"), (unknown.ExitCode, unknown.Json.GetProperty("error").GetProperty("code").GetString()));
        Assert.Equal((3, "no_plan"), (none.ExitCode, none.Json.GetProperty("error").GetProperty("code").GetString()));
        Assert.Contains("no_features", none.Json.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal((2, "invalid_option"), (neither.ExitCode, neither.Json.GetProperty("error").GetProperty("code").GetString()));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder.Path, name);
        File.WriteAllText(path, text);
        return path;
    }
}
