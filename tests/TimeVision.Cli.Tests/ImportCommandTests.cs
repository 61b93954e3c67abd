using System.Text;
using System.Text.Json;
using TimeVision.Testing;
using TimeVision.Testing.FakeOpenAI;

namespace TimeVision.Cli.Tests;

/// <summary>
/// <c>timevision import</c>, run in the test's process, over copies of real drawings, a Windows-1250 times file with Czech
/// headers, local stores in a data folder of the test's own, and the fake OpenAI server as the only model there is.
/// </summary>
public sealed class ImportCommandTests : FakeOpenAITestBase
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Server.Fallback = _ => new FakeReply.Content(SampleEstimates.ShaftJson());
    }

    private string Data => Path.Combine(Folder.Path, "data");

    private string Drawings => Path.Combine(Folder.Path, "drawings");

    private Task<CliRun> ImportAsync(string times, params string[] more) =>
        CliRunner.InvokeAsync(ServerEnvironment, ["import", "--drawings", Drawings, "--times", times, "--data", Data, "--json", .. more]);

    private string Times(string name, string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var path = Path.Combine(Folder.Path, name);
        File.WriteAllBytes(path, Encoding.GetEncoding(1250).GetBytes(text));
        return path;
    }

    private void Copy(string source, string? name = null, string? appended = null)
    {
        Directory.CreateDirectory(Drawings);
        var bytes = File.ReadAllBytes(source);
        File.WriteAllBytes(Path.Combine(Drawings, name ?? Path.GetFileName(source)), appended is null ? bytes : [.. bytes, .. Encoding.ASCII.GetBytes(appended)]);
    }

    private const string ShopTimes =
        "Soubor;Výkres;Čas min;Zakázka;Datum\r\n"
        + "metalboop-base-plate.pdf;;10,5;Z-101;4.3.2024\r\n" // 2
        + "metalboop-base-plate.pdf;;12;Z-102;;\r\n"          // 3
        + "metalboop-base-plate.pdf;;11,5;Z-103;\r\n"         // 4: median 11.5
        + ";p0019;20;Z-104;\r\n"                              // 5: the front plate by its drawing number P0019
        + ";Halter1;5;Z-105;\r\n"                             // 6: on edocr-halter.pdf and its copy
        + "chybí.pdf;;3;Z-106;\r\n"                           // 7: no such drawing
        + "odri-motor-shaft.pdf;;x;Z-107;\r\n"                // 8: bad time
        + "odri-motor-shaft.pdf;;2,4;Z-108;\r\n";             // 9

    [Fact]
    public async Task The_shops_history_is_imported_reported_and_imported_again_without_change()
    {
        foreach (var name in new[] { "metalboop-base-plate.pdf", "metalboop-front-plate.pdf", "edocr-halter.pdf", "odri-motor-shaft.pdf" })
        {
            Copy(SharedDrawings.Require(name));
        }

        Copy(SharedDrawings.Require("edocr-halter.pdf"), "halter-copy.pdf", "\n% the same drawing, saved again\n");
        var times = Times("zakazky.csv", ShopTimes);

        var first = await ImportAsync(times);
        var again = await ImportAsync(times);
        var corrected = await ImportAsync(Times("zakazky-opraveno.csv", ShopTimes.Replace(";;2,4;", ";;3,1;", StringComparison.Ordinal)));

        Assert.True(first.ExitCode == 3, first.Stderr);
        var summary = first.Json;
        Assert.Equal(8, summary.GetProperty("rows").GetInt32());
        Assert.Equal([(8, "time 'x' is not a number")], Problems(summary, "badRows"));
        Assert.Equal([6, 7], Problems(summary, "unmatched").Select(p => p.Line));
        Assert.Contains("edocr-halter.pdf, halter-copy.pdf", Problems(summary, "unmatched")[0].Reason, StringComparison.Ordinal);
        Assert.Equal(5, summary.GetProperty("matched").GetInt32());
        Assert.Equal((3, 0, 0), Labels(summary));
        var documents = summary.GetProperty("documents").EnumerateArray().ToDictionary(d => d.GetProperty("file").GetString()!);
        Assert.Equal((11.5, 3), (documents["metalboop-base-plate.pdf"].GetProperty("actualMin").GetDouble(), documents["metalboop-base-plate.pdf"].GetProperty("rows").GetInt32()));
        Assert.Equal(("p0019", 20.0), (documents["metalboop-front-plate.pdf"].GetProperty("drawingNumber").GetString(), documents["metalboop-front-plate.pdf"].GetProperty("actualMin").GetDouble()));
        Assert.Equal(64, documents["odri-motor-shaft.pdf"].GetProperty("id").GetString()!.Length);
        Assert.Contains("import: 3/3", first.Stderr, StringComparison.Ordinal);
        Assert.Empty(Server.Requests);

        Assert.True(again.ExitCode == 3, again.Stderr);
        Assert.Equal((0, 3, 0), Labels(again.Json));
        Assert.Equal(0, again.Json.GetProperty("drawingsRendered").GetInt32());
        Assert.Contains("already stored", again.Stderr, StringComparison.Ordinal);

        Assert.Equal((0, 2, 1), Labels(corrected.Json));
        var shaft = documents["odri-motor-shaft.pdf"].GetProperty("id").GetString()!;
        var shown = await CliRunner.InvokeAsync("show", shaft, "--data", Data, "--json");
        Assert.True(shown.ExitCode == 0, shown.Stderr);
        Assert.Equal("imported", shown.Json.GetProperty("status").GetString());
        Assert.Equal(
            [(2.4, "zakazky.csv"), (3.1, "zakazky-opraveno.csv")],
            shown.Json.GetProperty("feedback").EnumerateArray().Select(f => (f.GetProperty("actualMinutes").GetDouble(), f.GetProperty("import").GetProperty("timesFile").GetString())));
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task Imported_labels_feed_eval_and_after_an_estimate_the_training_export()
    {
        Copy(RepositoryPaths.Sample("odri-motor-shaft.pdf"));
        Copy(RepositoryPaths.Sample("edocr-adapterplatte.pdf"));
        var times = Times("times.csv", "file,actual_min\nodri-motor-shaft.pdf,3.5\nedocr-adapterplatte.pdf,12\n");

        var imported = await ImportAsync(times);
        var beforeEstimate = await CliRunner.InvokeAsync("export-training", "--out", Path.Combine(Folder.Path, "export-1"), "--validation-percent", "0", "--data", Data);
        var eval = await CliRunner.InvokeAsync(
            ServerEnvironment, "eval", "--models", "gpt-4o-2024-08-06", "--set", "all", "--out", Path.Combine(Folder.Path, "eval"), "--data", Data);
        var callsByEval = Server.Requests.Count;
        var estimated = await ImportAsync(times, "--estimate", "gpt-4o-2024-08-06");
        var afterEstimate = await CliRunner.InvokeAsync("export-training", "--out", Path.Combine(Folder.Path, "export-2"), "--validation-percent", "0", "--data", Data);

        Assert.True(imported.ExitCode == 0, imported.Stderr);
        Assert.Equal(0, beforeEstimate.Json.GetProperty("train").GetProperty("examples").GetInt32());
        Assert.Contains("no page of the document has an estimate", beforeEstimate.Stdout, StringComparison.Ordinal);
        Assert.True(eval.ExitCode == 0, eval.Stderr);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(Folder.Path, "eval", "results.csv")).Length); // header and both imported drawings
        Assert.Equal(2, callsByEval);
        Assert.True(estimated.ExitCode == 0, estimated.Stderr);
        Assert.Equal((0, 2, 0), Labels(estimated.Json));
        Assert.Contains("odri-motor-shaft.pdf: completed", estimated.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, afterEstimate.Json.GetProperty("train").GetProperty("examples").GetInt32());
        var answers = File.ReadLines(Path.Combine(Folder.Path, "export-2", "train.jsonl"))
            .Select(line => JsonDocument.Parse(JsonDocument.Parse(line).RootElement.GetProperty("messages")[2].GetProperty("content").GetString()!).RootElement.GetProperty("estimated_time_min").GetDouble())
            .Order();
        Assert.Equal([3.5, 12.0], answers);
    }

    [Fact]
    public async Task A_times_file_without_a_time_column_is_bad_input_naming_the_columns_expected()
    {
        Directory.CreateDirectory(Drawings);

        var run = await ImportAsync(Times("times.csv", "soubor;zakazka\na.pdf;Z1\n"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("missing_columns", run.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("actual_min (cas_min)", run.Stderr, StringComparison.Ordinal);
    }

    private static List<(int Line, string Reason)> Problems(JsonElement summary, string name) =>
        [.. summary.GetProperty(name).EnumerateArray().Select(p => (p.GetProperty("line").GetInt32(), p.GetProperty("reason").GetString()!))];

    private static (int Added, int Unchanged, int Superseded) Labels(JsonElement summary) =>
        (summary.GetProperty("labelsAdded").GetInt32(), summary.GetProperty("labelsUnchanged").GetInt32(), summary.GetProperty("labelsSuperseded").GetInt32());
}
