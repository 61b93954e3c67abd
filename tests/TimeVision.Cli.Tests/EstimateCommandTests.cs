using System.Diagnostics;
using System.Text;
using System.Text.Json;
using TimeVision.Testing;
using TimeVision.Testing.FakeOpenAI;

namespace TimeVision.Cli.Tests;

/// <summary>
/// <c>timevision estimate</c>: the orchestration on the local Durable Task engine, real rendering, local stores in a
/// data folder of the test's own, and the fake OpenAI server as the model. The commands run in the test's process;
/// a real process where the process is the subject (the whole program reading its environment, a kill mid-run).
/// </summary>
public sealed class EstimateCommandTests : FakeOpenAITestBase
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Server.Fallback = SampleEstimates.Reply;
    }

    private string Data => Path.Combine(Folder.Path, "data");

    /// <summary>Where the stored model results per page live (the blobs beside them hold images and text-layer facts).</summary>
    private string PageResults => Path.Combine(Data, "estimates");

    private Task<CliRun> EstimateAsync(string pdf, params string[] more) =>
        CliRunner.InvokeAsync(ServerEnvironment, ["estimate", pdf, "--data", Data, "--json", .. more]);

    [Fact]
    public async Task One_page_becomes_a_stored_document_estimate()
    {
        // As a real process: the model's address and key come from its environment variables.
        var run = await CliRunner.RunProcessAsync(ServerEnvironment, "estimate", RepositoryPaths.Sample("odri-motor-shaft.pdf"), "--data", Data, "--json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var document = run.Json;
        Assert.Equal("completed", document.GetProperty("status").GetString());
        Assert.Equal(1, document.GetProperty("pageCount").GetInt32());
        Assert.Equal(2.4, document.GetProperty("totalEstimatedMinutes").GetDouble());
        var page = document.GetProperty("pages")[0];
        Assert.Equal("completed", page.GetProperty("status").GetString());
        Assert.Equal($"{document.GetProperty("id").GetString()}/page-001.png", page.GetProperty("image").GetProperty("name").GetString());
        Assert.Equal("openai", document.GetProperty("models")[0].GetProperty("provider").GetString());
        Assert.Single(Server.Requests);
        Assert.Contains("estimated 1/1, done", run.Stderr, StringComparison.Ordinal);

        var shown = await CliRunner.InvokeAsync(ServerEnvironment, "show", document.GetProperty("id").GetString()!, "--data", Data, "--json");
        Assert.Equal(0, shown.ExitCode);
        Assert.Equal(document.GetProperty("id").GetString(), shown.Json.GetProperty("id").GetString());
    }

    [Fact]
    public async Task The_same_pdf_twice_calls_the_model_once_per_page()
    {
        var pdf = Folder.Write("three.pdf", TestPdfs.WithPages(3));

        var first = await EstimateAsync(pdf);
        var second = await EstimateAsync(pdf);

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.Equal(3, Server.Requests.Count);
        Assert.Contains("estimated before", second.Stderr, StringComparison.Ordinal);
        Assert.Equal(first.Json.GetProperty("id").GetString(), second.Json.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_multi_sheet_drawing_of_one_part_is_one_part_timed_by_its_largest_sheet()
    {
        var pdf = SharedDrawings.Require("nfr-rear-upright.pdf");
        var sheet = 0;
        Server.Fallback = _ =>
        {
            var estimate = SampleEstimates.Shaft(total: 0, breakdown: [1.0 + Interlocked.Increment(ref sheet)], partType: "PRI");
            estimate["drawing_number"] = "NFR-RR-UPRIGHT";
            return new FakeReply.Content(estimate.ToJsonString());
        };

        var run = await EstimateAsync(pdf);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(5, Server.Requests.Count);
        var part = Assert.Single(run.Json.GetProperty("parts").EnumerateArray());
        Assert.Equal([1, 2, 3, 4, 5], part.GetProperty("sheets").EnumerateArray().Select(s => s.GetInt32()));
        Assert.Equal(6, run.Json.GetProperty("totalEstimatedMinutes").GetDouble());
    }

    [Fact]
    public async Task A_scanned_drawing_is_estimated_page_by_page()
    {
        Server.Fallback = _ =>
        {
            var estimate = SampleEstimates.Shaft();
            estimate["drawing_number"] = null; // sheets without a number are parts of their own
            return new FakeReply.Content(estimate.ToJsonString());
        };

        var run = await EstimateAsync(SharedDrawings.Require("openspim-tube-lens-adapter-scan.pdf"));

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(2, run.Json.GetProperty("pageCount").GetInt32());
        Assert.Equal(2, run.Json.GetProperty("parts").GetArrayLength());
        Assert.All(Server.Requests, r => Assert.Equal(2048, Math.Max(r.ImageWidth, r.ImageHeight)));
    }

    [Fact]
    public async Task A_blocked_page_does_not_sink_the_document()
    {
        var pdf = Folder.Write("two.pdf", TestPdfs.WithPages(2));
        // One page at a time, so the first page gets both refusals.
        var environment = new Dictionary<string, string?>(ServerEnvironment) { ["Pipeline__MaxPagesInFlight"] = "1" };
        Server.Fallback = _ => Server.Requests.Count <= 2
            ? new FakeReply.Refusal("I'm sorry, I can't help with that.")
            : new FakeReply.Content(SampleEstimates.ShaftJson());

        var run = await CliRunner.InvokeAsync(environment, "estimate", pdf, "--data", Data, "--json");

        Assert.Equal(3, run.ExitCode);
        var document = run.Json;
        Assert.Equal("partial", document.GetProperty("status").GetString());
        var statuses = document.GetProperty("pages").EnumerateArray().Select(p => p.GetProperty("status").GetString()).ToList();
        Assert.Equal(["blocked", "completed"], statuses);
        Assert.Equal(2.4, document.GetProperty("totalEstimatedMinutes").GetDouble());
    }

    [Fact]
    public async Task A_page_that_cannot_render_is_reported_and_the_rest_estimated()
    {
        var pdf = Folder.Write("mixed.pdf", TestPdfs.WithPageSizes((5000, 300), (297, 210)));

        var run = await EstimateAsync(pdf);

        Assert.Equal(3, run.ExitCode);
        var pages = run.Json.GetProperty("pages");
        Assert.Equal("failed", pages[0].GetProperty("status").GetString());
        Assert.Equal("page_too_large", pages[0].GetProperty("renderError").GetProperty("code").GetString());
        Assert.Equal("completed", pages[1].GetProperty("status").GetString());
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task Bad_input_is_stored_as_a_failed_document_with_its_code()
    {
        var pdf = Folder.Write("encrypted.pdf", TestPdfs.Encrypted());

        var run = await EstimateAsync(pdf);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("failed", run.Json.GetProperty("status").GetString());
        Assert.Equal("encrypted", run.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task An_interrupted_run_started_again_does_not_ask_the_model_again_for_finished_pages()
    {
        var pdf = Folder.Write("three.pdf", TestPdfs.WithPages(3));
        var answered = 0;
        Server.Fallback = _ => Interlocked.Increment(ref answered) == 1
            ? new FakeReply.Content(SampleEstimates.ShaftJson())
            : FakeReply.Slow(SampleEstimates.ShaftJson(), TimeSpan.FromMinutes(5));

        using (var interrupted = CliRunner.Start(ServerEnvironment, "estimate", pdf, "--data", Data, "--json"))
        {
            await WaitForProgressAsync(interrupted, "estimated 1/3"); // printed once the first page's result is stored
            interrupted.Kill(entireProcessTree: true);
            await interrupted.WaitForExitAsync(Token);
        }

        var before = Server.Requests.Count;
        var finishedPages = Directory.EnumerateFiles(PageResults, "page-*.json", SearchOption.AllDirectories).Count();
        Server.Fallback = _ => new FakeReply.Content(SampleEstimates.ShaftJson());
        var resumed = await EstimateAsync(pdf);

        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.Equal(1, finishedPages);
        Assert.Equal(2, Server.Requests.Count - before);
        Assert.All(resumed.Json.GetProperty("pages").EnumerateArray(), p => Assert.Equal("completed", p.GetProperty("status").GetString()));
    }

    public static TheoryData<string> SharedDrawingNames => SharedDrawings.FileNames;

    [Theory]
    [MemberData(nameof(SharedDrawingNames))]
    public async Task Every_shared_drawing_gets_a_stored_document_estimate(string fileName)
    {
        var pdf = SharedDrawings.Require(fileName);
        var expectedPages = DrawingCorpus.Describe(Path.GetDirectoryName(pdf)!, fileName).Pages;

        var run = await EstimateAsync(pdf);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(expectedPages, run.Json.GetProperty("pageCount").GetInt32());
        Assert.Equal(expectedPages, Server.Requests.Count);
        Assert.True(File.Exists(Path.Combine(Data, "estimates", run.Json.GetProperty("id").GetString()!, "document.json")));
    }

    [Fact]
    public async Task Feedback_is_recorded_on_the_stored_estimate_and_a_stale_token_changes_nothing()
    {
        var estimated = await EstimateAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"));
        var id = estimated.Json.GetProperty("id").GetString()!;

        var first = await CliRunner.InvokeAsync("feedback", id, "--actual-min", "3.5", "--by", "Novák", "--data", Data);
        var stale = await CliRunner.InvokeAsync("feedback", id, "--actual-min", "9", "--source", "expert", "--if-match", "\"stale\"", "--data", Data);
        var invalid = await CliRunner.InvokeAsync("feedback", id, "--actual-min", "0", "--data", Data);

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Equal(4, stale.ExitCode);
        Assert.Equal("stale_token", stale.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(2, invalid.ExitCode);
        var shown = await CliRunner.InvokeAsync("show", id, "--data", Data, "--json");
        var feedback = Assert.Single(shown.Json.GetProperty("feedback").EnumerateArray());
        Assert.Equal((3.5, "actual"), (feedback.GetProperty("actualMinutes").GetDouble(), feedback.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task Labelled_estimates_export_as_training_jsonl_with_a_manifest()
    {
        var estimated = await EstimateAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"));
        var id = estimated.Json.GetProperty("id").GetString()!;
        Assert.Equal(0, (await CliRunner.InvokeAsync("feedback", id, "--actual-min", "3.5", "--data", Data)).ExitCode);
        var output = Path.Combine(Folder.Path, "training");

        var run = await CliRunner.InvokeAsync("export-training", "--out", output, "--validation-percent", "0", "--data", Data);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(1, run.Json.GetProperty("train").GetProperty("examples").GetInt32());
        Assert.Contains("min_training_examples", run.Stderr, StringComparison.Ordinal);
        var line = Assert.Single(File.ReadAllLines(Path.Combine(output, "train.jsonl")));
        var answer = JsonDocument.Parse(JsonDocument.Parse(line).RootElement.GetProperty("messages")[2].GetProperty("content").GetString()!).RootElement;
        Assert.Equal(3.5, answer.GetProperty("estimated_time_min").GetDouble());
        Assert.Empty(File.ReadAllLines(Path.Combine(output, "validation.jsonl")));
    }

    [Fact]
    public async Task Without_a_key_it_estimates_offline_and_says_so_and_what_to_set()
    {
        var run = await CliRunner.InvokeAsync(
            new Dictionary<string, string?>(), "estimate", RepositoryPaths.Sample("edocr-adapterplatte.pdf"), "--data", Data, "--json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("offline estimate", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("OPENAI_API_KEY", run.Stderr, StringComparison.Ordinal);
        var page = run.Json.GetProperty("pages")[0].GetProperty("result");
        Assert.Equal(("offline", "offline", "low"), (page.GetProperty("model").GetString(), page.GetProperty("provider").GetString(), page.GetProperty("estimate").GetProperty("confidence").GetString()));
        Assert.Equal("Stahl", page.GetProperty("estimate").GetProperty("material_detected").GetString());
        Assert.True(run.Json.GetProperty("totalEstimatedMinutes").GetDouble() > 0);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task Without_a_key_an_explicit_model_is_an_error_that_says_what_to_set()
    {
        var run = await CliRunner.InvokeAsync(
            new Dictionary<string, string?>(), "estimate", RepositoryPaths.Sample("odri-motor-shaft.pdf"), "--model", "gpt-4.1", "--data", Data);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("OPENAI_API_KEY", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("engine", "timevision plan <id>")]
    [InlineData("calibrated:gpt-4.1", "Estimate with 'gpt-4.1'")]
    public async Task A_model_id_that_does_not_estimate_pages_is_refused_with_what_to_use_and_nothing_runs(string model, string advice)
    {
        var run = await CliRunner.InvokeAsync(ServerEnvironment, "estimate", RepositoryPaths.Sample("odri-motor-shaft.pdf"), "--model", model, "--data", Data, "--json");

        Assert.Equal(2, run.ExitCode);
        var error = run.Json.GetProperty("error");
        Assert.Equal("not_a_page_estimator", error.GetProperty("code").GetString());
        Assert.Contains(advice, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(Server.Requests);
        Assert.False(Directory.Exists(Path.Combine(Data, "runs")) && Directory.EnumerateFileSystemEntries(Path.Combine(Data, "runs")).Any(), "no run was started");
    }

    [Fact]
    public async Task The_features_the_model_read_are_its_stored_reading_and_the_plan_times_them()
    {
        var run = await EstimateAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"));

        Assert.True(run.ExitCode == 0, run.Stderr);
        var features = run.Json.GetProperty("features");
        var model = features.GetProperty("readings").EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "model").GetProperty("features");
        var read = model.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(["facing", "face_milling", "chamfer", "parting"], read.Select(f => f.GetProperty("type").GetString()));
        Assert.All(read, f => Assert.Equal(("model", 1), (f.GetProperty("source").GetProperty("kind").GetString(), f.GetProperty("source").GetProperty("page").GetInt32())));
        Assert.Equal(("bar", 4), (model.GetProperty("stock").GetProperty("shape").GetString(), model.GetProperty("stock").GetProperty("diameterMm").GetInt32()));
        var fromModel = features.GetProperty("merged").GetProperty("features").EnumerateArray()
            .Where(f => f.GetProperty("source").GetProperty("kind").GetString() == "model").Select(f => f.GetProperty("id").GetString()).ToList();
        var planned = run.Json.GetProperty("plan").GetProperty("routing").GetProperty("operations").EnumerateArray()
            .SelectMany(o => o.GetProperty("lines").EnumerateArray()).Select(l => l.GetProperty("featureId").GetString()).ToList();
        Assert.NotEmpty(fromModel);
        Assert.Subset(planned.ToHashSet(), fromModel.ToHashSet());
    }

    [Fact]
    public async Task The_model_sees_the_text_layer_facts_and_the_page_keeps_them()
    {
        var run = await EstimateAsync(RepositoryPaths.Sample("edocr-adapterplatte.pdf"));

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("- materiál: Stahl", Assert.Single(Server.Requests).UserText, StringComparison.Ordinal);
        var page = run.Json.GetProperty("pages")[0];
        Assert.EndsWith("page-001.facts.json", page.GetProperty("facts").GetProperty("name").GetString(), StringComparison.Ordinal);
        // The sample answer is a stainless ROT shaft: both disagree with this steel plate's text layer.
        var warnings = page.GetProperty("result").GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("code").GetString()).ToList();
        Assert.Contains("material_differs_from_title_block", warnings);
        Assert.Contains("rot_without_diameters", warnings);
    }

    [Fact]
    public async Task Offline_is_asked_for_even_with_a_key_and_the_model_is_not_called()
    {
        var run = await EstimateAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), "--offline");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("offline", run.Json.GetProperty("models")[0].GetProperty("provider").GetString());
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task The_summary_shows_parts_operations_and_the_total()
    {
        var run = await CliRunner.InvokeAsync(ServerEnvironment, "estimate", RepositoryPaths.Sample("odri-motor-shaft.pdf"), "--data", Data);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("Part 1: Motor Shaft", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Frézování plošky", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Document total: 2.40 min", run.Stdout, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(run.Stdout));
    }

    /// <summary>Reads a running <c>estimate</c>'s progress lines on stderr until one contains <paramref name="progress"/>.</summary>
    private static async Task WaitForProgressAsync(Process run, string progress)
    {
        var printed = new StringBuilder();
        while (await run.StandardError.ReadLineAsync(Token) is { } line)
        {
            if (line.Contains(progress, StringComparison.Ordinal))
            {
                return;
            }

            printed.AppendLine(line);
        }

        Assert.Fail($"The run ended without printing \"{progress}\":\n{printed}");
    }
}
