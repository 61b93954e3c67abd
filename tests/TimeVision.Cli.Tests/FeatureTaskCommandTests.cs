using System.Text.Json;
using System.Text.Json.Nodes;
using TimeVision.Testing;
using TimeVision.Testing.FakeOpenAI;

namespace TimeVision.Cli.Tests;

/// <summary>
/// The features task on one PC through the real commands: a drawing estimated offline, its plan accepted with
/// <c>plan &lt;id&gt; --accept</c>, exported with <c>export-training --task features</c>, and each reader scored on it by
/// <c>eval --task features</c> (a model the fake server answers, and the text layer).
/// </summary>
public sealed class FeatureTaskCommandTests : FakeOpenAITestBase
{
    private const string Reader = "gpt-4.1";

    private string Data => Path.Combine(Folder.Path, "data");

    [Fact]
    public async Task An_accepted_plan_becomes_a_features_example_and_eval_scores_each_reader_against_it()
    {
        // The model reads the core holes 2 % too large and two M8 where the drawing has four.
        Server.Fallback = request => new FakeReply.Content(SampleEstimates.IsReading(request) ? Reading() : SampleEstimates.ShaftJson());
        var estimate = await CliRunner.InvokeAsync("estimate", RepositoryPaths.Sample("edocr-adapterplatte.pdf"), "--offline", "--data", Data, "--json");
        Assert.True(estimate.ExitCode == 0, estimate.Stderr);
        var id = estimate.Json.GetProperty("id").GetString()!;

        var accept = await CliRunner.InvokeAsync("plan", id, "--accept", "--by", "petr", "--data", Data, "--json");
        var export = await CliRunner.InvokeAsync("export-training", "--task", "features", "--out", Path.Combine(Folder.Path, "export"), "--validation-percent", "0", "--data", Data);
        var eval = await CliRunner.InvokeAsync(ServerEnvironment, "eval", "--task", "features", "--models", $"{Reader},offline", "--set", "all", "--out", Path.Combine(Folder.Path, "eval"), "--data", Data);

        Assert.True(accept.ExitCode == 0, accept.Stderr);
        Assert.Contains("accepted by petr", accept.Stderr, StringComparison.Ordinal);
        var acceptance = Assert.Single(accept.Json.GetProperty("features").GetProperty("acceptances").EnumerateArray());
        Assert.Equal(("petr", 1), (acceptance.GetProperty("by").GetString(), acceptance.GetProperty("featuresVersion").GetInt32()));
        Assert.True(export.ExitCode == 0, export.Stderr);
        var example = Assert.Single(export.Json.GetProperty("examples").EnumerateArray());
        Assert.Equal(("text_layer_accepted", "petr", "train"), (example.GetProperty("labelSource").GetString(), example.GetProperty("confirmedBy").GetString(), example.GetProperty("side").GetString()));
        var line = Assert.Single(File.ReadAllLines(Path.Combine(Folder.Path, "export", "train.jsonl")));
        var answer = JsonNode.Parse(JsonNode.Parse(line)!["messages"]![2]!["content"]!.GetValue<string>())!;
        Assert.Equal(["drilling 4", "tapping 4"], answer["features"]!.AsArray().Select(f => $"{f!["type"]} {f["count"]}"));
        Assert.True(eval.ExitCode == 0, eval.Stderr);
        var models = eval.Json.GetProperty("models").EnumerateArray().ToList();
        Assert.Equal((Reader, 2, 2, 1), (models[0].GetProperty("model").GetString(), models[0].GetProperty("confirmed").GetInt32(), models[0].GetProperty("paired").GetInt32(), models[0].GetProperty("wrongCounts").GetInt32()));
        Assert.Equal(2.0 / 3, models[0].GetProperty("meanSizeErrorPct").GetDouble(), precision: 6); // Ø6.75 read as Ø6.885 (2 %); M8's Ø8 and pitch exact
        Assert.Equal(("offline", 1.0, 1.0, 0), (models[1].GetProperty("model").GetString(), models[1].GetProperty("precision").GetDouble(), models[1].GetProperty("recall").GetDouble(), models[1].GetProperty("wrongCounts").GetInt32()));
        Assert.True(models[0].GetProperty("cycleMape").GetDouble() > 0);
        Assert.Equal(1, Server.Requests.Count(SampleEstimates.IsReading));
        foreach (var file in new[] { "features-report.md", "features-results.csv", "features-recall-by-type.png", "features-precision-by-type.png", "features-minutes.png" })
        {
            Assert.True(File.Exists(Path.Combine(Folder.Path, "eval", file)), file);
        }

        var report = await File.ReadAllTextAsync(Path.Combine(Folder.Path, "eval", "features-report.md"), Token);
        Assert.Contains("| tapping | 1 | 1 | 1 | 100 % | 100 % | 1 |", report, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not_a_reader", "eval", "--task", "features", "--models", "history", "--set", "all")]
    [InlineData("invalid_set", "eval", "--task", "features", "--models", "offline", "--set", "times.csv")]
    [InlineData("empty_set", "eval", "--task", "features", "--models", "offline", "--set", "all")]
    [InlineData("invalid_option", "export-training", "--task", "features", "--include-shadow")]
    public async Task What_the_features_task_cannot_do_is_refused_with_a_code(string code, params string[] args)
    {
        var run = await CliRunner.InvokeAsync([.. args, "--out", Path.Combine(Folder.Path, "out"), "--data", Data]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(code, run.Json.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Shadow_mode_compares_minutes_so_it_is_refused_with_the_features_task()
    {
        var run = await CliRunner.InvokeAsync("eval", "--task", "features", "--shadow", "--out", Path.Combine(Folder.Path, "out"), "--data", Data);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--shadow compares the minutes", run.Stderr, StringComparison.Ordinal);
    }

    private static string Reading() => new JsonObject
    {
        ["partType"] = "PRI",
        ["material"] = null,
        ["materialGroup"] = null,
        ["stock"] = new JsonObject { ["shape"] = null, ["diameterMm"] = null, ["lengthMm"] = null, ["widthMm"] = null, ["heightMm"] = null },
        ["features"] = new JsonArray(
            SampleEstimates.Feature("f1", "drilling", 4, "high", ("diameterMm", 6.885)),
            SampleEstimates.Feature("f2", "tapping", 2, "high", ("diameterMm", 8), ("pitchMm", 1.25))),
    }.ToJsonString();
}
