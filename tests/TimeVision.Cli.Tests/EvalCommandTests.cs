using System.Text.Json;
using TimeVision.Testing;
using TimeVision.Testing.FakeOpenAI;

namespace TimeVision.Cli.Tests;

/// <summary>
/// <c>timevision eval</c> and shadow mode through the real command: the challenger estimates beside the primary, is
/// never the answer nor training data unless asked, and <c>eval --shadow</c> compares the two without calling a model.
/// </summary>
public sealed class EvalCommandTests : FakeOpenAITestBase
{
    private const string Challenger = "gpt-4.1";

    private string Data => Path.Combine(Folder.Path, "data");

    private Dictionary<string, string?> Environment => new(ServerEnvironment)
    {
        ["Shadow__Model"] = Challenger,
        ["Shadow__Percent"] = "100",
    };

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        // The challenger answers 5 min in one operation; the primary 2.4 min in three.
        Server.Fallback = request => new FakeReply.Content(request.Model == Challenger
            ? SampleEstimates.Shaft(5, [5]).ToJsonString()
            : SampleEstimates.ShaftJson());
    }

    [Fact]
    public async Task Shadow_estimates_are_stored_beside_the_answer_kept_out_of_training_and_compared_by_eval_without_model_calls()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var path = TestPdfs.WriteTo(Folder.Path, $"part-{i}.pdf", TestPdfs.WithPages(1, widthMm: 210 + i));
            var run = await CliRunner.InvokeAsync(Environment, "estimate", path, "--data", Data, "--json");
            Assert.True(run.ExitCode == 0, run.Stderr);
            var document = run.Json;
            Assert.Equal(2.4, document.GetProperty("totalEstimatedMinutes").GetDouble());
            var shadow = document.GetProperty("shadow");
            Assert.Equal((Challenger, 5.0), (shadow.GetProperty("model").GetString(), shadow.GetProperty("totalEstimatedMinutes").GetDouble()));
            ids.Add(document.GetProperty("id").GetString()!);
            Assert.Equal(0, (await CliRunner.InvokeAsync("feedback", ids[^1], "--actual-min", $"{4 + i}", "--data", Data)).ExitCode);
        }

        var calls = Server.Requests.Count;
        var export = await CliRunner.InvokeAsync("export-training", "--out", Path.Combine(Folder.Path, "export"), "--validation-percent", "0", "--data", Data);
        var eval = await CliRunner.InvokeAsync(Environment, "eval", "--shadow", "--out", Path.Combine(Folder.Path, "eval"), "--data", Data);
        var asked = await CliRunner.InvokeAsync("export-training", "--out", Path.Combine(Folder.Path, "with-shadow"), "--validation-percent", "0", "--include-shadow", "--data", Data);

        Assert.Equal(6, calls);
        Assert.Equal(3, Server.Requests.Count(r => r.Model == Challenger));
        Assert.True(export.ExitCode == 0, export.Stderr);
        Assert.All(File.ReadLines(Path.Combine(Folder.Path, "export", "train.jsonl")), line =>
        {
            var answer = JsonDocument.Parse(JsonDocument.Parse(line).RootElement.GetProperty("messages")[2].GetProperty("content").GetString()!).RootElement;
            Assert.Equal(3, answer.GetProperty("breakdown").GetArrayLength()); // the primary's three operations, never the challenger's one
        });
        Assert.True(asked.ExitCode == 0, asked.Stderr);
        var askedBreakdowns = File.ReadLines(Path.Combine(Folder.Path, "with-shadow", "train.jsonl"))
            .Select(line => JsonDocument.Parse(JsonDocument.Parse(line).RootElement.GetProperty("messages")[2].GetProperty("content").GetString()!).RootElement.GetProperty("breakdown").GetArrayLength())
            .Order().ToList();
        Assert.Equal([1, 1, 1, 3, 3, 3], askedBreakdowns);
        Assert.True(eval.ExitCode == 0, eval.Stderr);
        Assert.Equal(calls, Server.Requests.Count);
        Assert.Equal(["gpt-4o-2024-08-06", Challenger], eval.Json.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("model").GetString()));
        var report = await File.ReadAllTextAsync(Path.Combine(Folder.Path, "eval", "report.md"), Token);
        Assert.Contains("documents estimated in shadow mode", report, StringComparison.Ordinal);
        Assert.Equal(7, File.ReadAllLines(Path.Combine(Folder.Path, "eval", "results.csv")).Length);
    }

    [Fact]
    public async Task Eval_of_a_manifest_with_the_offline_model_writes_the_report_the_table_and_three_charts()
    {
        var folder = Path.Combine(Folder.Path, "set");
        Directory.CreateDirectory(folder);
        File.Copy(RepositoryPaths.Sample("edocr-adapterplatte.pdf"), Path.Combine(folder, "adapterplatte.pdf"));
        File.Copy(RepositoryPaths.Sample("odri-motor-shaft.pdf"), Path.Combine(folder, "shaft.pdf"));
        await File.WriteAllTextAsync(Path.Combine(folder, "manifest.csv"), "file,actual_minutes,part_type,material\nadapterplatte.pdf,12,PRI,Stahl\nshaft.pdf,2.5,ROT,\nmissing.pdf,3,,\n", Token);
        var output = Path.Combine(Folder.Path, "eval");

        var run = await CliRunner.InvokeAsync(
            new Dictionary<string, string?>(), "eval", "--models", "offline", "--set", Path.Combine(folder, "manifest.csv"), "--out", output, "--data", Data);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var offline = Assert.Single(run.Json.GetProperty("models").EnumerateArray());
        Assert.Equal(("offline", 2), (offline.GetProperty("model").GetString(), offline.GetProperty("estimated").GetInt32()));
        var report = await File.ReadAllTextAsync(Path.Combine(output, "report.md"), Token);
        Assert.Contains("missing.pdf (no id): the file is missing", report, StringComparison.Ordinal);
        Assert.Contains("| PRI |", report, StringComparison.Ordinal);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(output, "results.csv")).Length);
        foreach (var chart in new[] { "estimate-vs-actual.png", "errors.png", "mape-by-part-type.png" })
        {
            var image = PngImage.Decode(await File.ReadAllBytesAsync(Path.Combine(output, chart), Token));
            Assert.Equal((900, 600), (image.Width, image.Height));
        }

        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task Eval_with_nothing_labelled_says_how_to_get_labels()
    {
        var run = await CliRunner.InvokeAsync("eval", "--models", "offline", "--out", Path.Combine(Folder.Path, "eval"), "--data", Data);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("empty_set", run.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("timevision feedback", run.Stderr, StringComparison.Ordinal);
    }
}
