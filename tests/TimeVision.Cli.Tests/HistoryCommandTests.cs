using System.Text.Json;
using TimeVision.Testing;
using TimeVision.Testing.History;

namespace TimeVision.Cli.Tests;

/// <summary>
/// <c>timevision similar</c>, <c>estimate --model history</c> and <c>eval --models offline,history</c> through the real
/// commands on generated labelled history, with no API key. The history is generated once for the class
/// (<see cref="HistoryCorpus"/>); each test works on a copy of its own.
/// </summary>
public sealed class HistoryCommandTests(HistoryCorpus corpus) : IClassFixture<HistoryCorpus>, IDisposable
{
    private const int Parts = HistoryCorpus.Parts;
    private static readonly Dictionary<string, string?> NoKey = [];
    private readonly TempFolder _folder = CopyOf(corpus.Data);
    private readonly IReadOnlyList<(string Id, GeneratedPart Part)> _history = corpus.History;
    private readonly string _duplicate = corpus.Duplicate;

    private string Data => Path.Combine(_folder.Path, "data");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    /// <summary>A folder of the test's own with a copy of the corpus's data folder as <c>data</c>.</summary>
    private static TempFolder CopyOf(string data)
    {
        var folder = new TempFolder();
        foreach (var file in Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(folder.Path, "data", Path.GetRelativePath(data, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return folder;
    }

    [Fact]
    public async Task Similar_lists_the_near_duplicate_first_as_json_and_as_text_and_says_so_for_an_unknown_id()
    {
        var json = await CliRunner.InvokeAsync("similar", _history[9].Id, "--k", "3", "--json", "--data", Data);
        var text = await CliRunner.InvokeAsync("similar", _history[9].Id, "--data", Data);
        var unknown = await CliRunner.InvokeAsync("similar", new string('f', 64), "--data", Data);

        Assert.Equal(0, json.ExitCode);
        var neighbours = json.Json.GetProperty("parts")[0].GetProperty("neighbours");
        Assert.Equal(3, neighbours.GetArrayLength());
        Assert.Equal(_duplicate, neighbours[0].GetProperty("id").GetString());
        Assert.Equal((33.5, "actual", 1), (neighbours[0].GetProperty("actualMin").GetDouble(), neighbours[0].GetProperty("source").GetString(), neighbours[0].GetProperty("rows").GetInt32()));
        Assert.All(neighbours.EnumerateArray(), n => Assert.NotEqual(_history[9].Id, n.GetProperty("id").GetString()));
        Assert.True(neighbours[0].GetProperty("reasons").EnumerateArray().All(r => r.GetProperty("matched").GetBoolean()));
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("1.     33.5 min (actual, 1 order)  score 1.00  DUP-CLI", text.Stdout, StringComparison.Ordinal);
        Assert.Equal((2, "not_found"), (unknown.ExitCode, unknown.Json.GetProperty("error").GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Eval_compares_offline_and_history_side_by_side_without_a_key()
    {
        var run = await CliRunner.InvokeAsync(NoKey, "eval", "--models", "offline,history", "--set", "all", "--out", Path.Combine(_folder.Path, "eval"), "--data", Data);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var models = run.Json.GetProperty("models").EnumerateArray().ToDictionary(m => m.GetProperty("model").GetString()!, m => m);
        Assert.Equal(Parts + 1, models["history"].GetProperty("estimated").GetInt32());
        Assert.True(models["history"].GetProperty("mape").GetDouble() < models["offline"].GetProperty("mape").GetDouble(), run.Stdout);
        Assert.Contains("| history |", await File.ReadAllTextAsync(Path.Combine(_folder.Path, "eval", "report.md"), Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Estimate_with_the_history_model_answers_from_similar_parts_with_an_interval_and_no_key()
    {
        var run = await CliRunner.InvokeAsync(NoKey, "estimate", RepositoryPaths.Sample("odri-motor-shaft.pdf"), "--model", "history", "--force", "--json", "--data", Data);

        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
        var page = run.Json.GetProperty("pages")[0].GetProperty("result");
        Assert.Equal(("history", "history"), (page.GetProperty("model").GetString(), page.GetProperty("provider").GetString()));
        var interval = page.GetProperty("interval");
        var minutes = page.GetProperty("estimate").GetProperty("estimated_time_min").GetDouble();
        Assert.InRange(minutes, interval.GetProperty("lowMin").GetDouble(), interval.GetProperty("highMin").GetDouble());
        Assert.Contains(_history.Select(h => h.Part.TrueMinutes).Append(33.5), t => Math.Abs(t - interval.GetProperty("lowMin").GetDouble()) < 0.01);
    }

    [Fact]
    public async Task Calibrate_stores_a_calibration_that_every_new_estimate_of_that_model_carries_and_show_prints_with_three_similar_parts()
    {
        var calibrate = await CliRunner.InvokeAsync(NoKey, "calibrate", "--model", "offline", "--validation-percent", "20", "--json", "--data", Data);
        var estimate = await CliRunner.InvokeAsync(NoKey, "estimate", RepositoryPaths.Sample("odri-motor-shaft.pdf"), "--offline", "--force", "--json", "--data", Data);
        var id = estimate.Json.GetProperty("id").GetString()!;
        var show = await CliRunner.InvokeAsync("show", id, "--data", Data);

        Assert.True(calibrate.ExitCode == 0, calibrate.Stderr + calibrate.Stdout);
        Assert.Equal(("offline", 20), (calibrate.Json.GetProperty("model").GetString(), calibrate.Json.GetProperty("validationPercent").GetInt32()));
        Assert.InRange(calibrate.Json.GetProperty("documents").GetInt32(), 100, Parts);
        Assert.Matches("^(part_type_factors|boosted_trees)$", calibrate.Json.GetProperty("learner").GetString());
        Assert.Equal("operation_factors", calibrate.Json.GetProperty("engine").GetProperty("learner").GetString()); // the engine's factors with it
        Assert.True(estimate.ExitCode == 0, estimate.Stderr);
        var part = estimate.Json.GetProperty("parts")[0];
        var calibrated = part.GetProperty("calibratedTimeMin").GetDouble();
        Assert.True(calibrated > 0);
        Assert.InRange(calibrated, part.GetProperty("calibratedInterval").GetProperty("lowMin").GetDouble(), part.GetProperty("calibratedInterval").GetProperty("highMin").GetDouble());
        Assert.Equal(calibrated, estimate.Json.GetProperty("calibratedTimeMin").GetDouble(), precision: 2);
        Assert.StartsWith("offline ", estimate.Json.GetProperty("calibration").GetString(), StringComparison.Ordinal);
        Assert.Contains("Calibrated total:", show.Stdout, StringComparison.Ordinal);
        Assert.Contains("Similar past parts for odri-motor-shaft.pdf", show.Stdout, StringComparison.Ordinal);
        Assert.Contains("  3. ", show.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("  4. ", show.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calibrating_the_engine_needs_no_key_and_then_plans_show_each_lines_factor_and_eval_scores_engine_and_calibrated_engine()
    {
        var features = _folder.Write("part.json", """
            { "partType": "PRI", "materialGroup": "steel", "stock": { "shape": "block", "lengthMm": 80, "widthMm": 60, "heightMm": 20 },
              "features": [ { "id": "h1", "type": "drilling", "count": 4, "diameterMm": 6.8, "depthMm": 15 },
                            { "id": "t1", "type": "tapping", "count": 4, "thread": "M8", "depthMm": 12 } ] }
            """u8.ToArray());

        var calibrate = await CliRunner.InvokeAsync(NoKey, "calibrate", "--model", "engine", "--validation-percent", "20", "--json", "--data", Data);
        var plan = await CliRunner.InvokeAsync("plan", "--features", features, "--json", "--data", Data);
        var text = await CliRunner.InvokeAsync("plan", "--features", features, "--data", Data);
        var eval = await CliRunner.InvokeAsync(NoKey, "eval", "--models", "engine,calibrated:engine", "--set", "all", "--out", Path.Combine(_folder.Path, "eval"), "--data", Data);

        Assert.True(calibrate.ExitCode == 0, calibrate.Stderr + calibrate.Stdout);
        Assert.Equal(("engine", "operation_factors"), (calibrate.Json.GetProperty("model").GetString(), calibrate.Json.GetProperty("learner").GetString()));
        var factors = calibrate.Json.GetProperty("cycle").EnumerateArray().ToDictionary(f => f.GetProperty("kind").GetString()!, f => f.GetProperty("factor").GetDouble());
        Assert.True(plan.ExitCode == 0, plan.Stderr);
        Assert.Equal("engine " + calibrate.Json.GetProperty("version").GetString(), plan.Json.GetProperty("calibration").GetString());
        foreach (var line in plan.Json.GetProperty("operations").EnumerateArray().Where(o => o.GetProperty("kind").GetString() == "drilling").SelectMany(o => o.GetProperty("lines").EnumerateArray()))
        {
            Assert.Equal(factors.GetValueOrDefault(line.GetProperty("type").GetString() == "tapping" ? "tapping" : "drilling", 1), line.GetProperty("factor").GetDouble());
        }

        Assert.Contains("factor", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("Calibrated (engine ", text.Stdout, StringComparison.Ordinal);
        Assert.True(eval.ExitCode == 0, eval.Stderr);
        var models = eval.Json.GetProperty("models").EnumerateArray().ToDictionary(m => m.GetProperty("model").GetString()!, m => m);
        Assert.All(["engine", "calibrated:engine"], m => Assert.True(models[m].GetProperty("estimated").GetInt32() > 100 && models[m].GetProperty("mape").GetDouble() > 0, eval.Stdout));
    }
}
