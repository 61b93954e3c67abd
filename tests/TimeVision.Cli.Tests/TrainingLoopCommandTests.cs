using System.Text.Json;
using TimeVision.Testing;
using TimeVision.Testing.FakeOpenAI;

namespace TimeVision.Cli.Tests;

/// <summary>
/// The training loop on one machine, as src/docs/cli.md's five steps give it: estimate → feedback → export-training →
/// fine-tune start/status → model activate, with the fake OpenAI server as the API.
/// </summary>
public sealed class TrainingLoopCommandTests : FakeOpenAITestBase
{
    private const string FineTunedModel = "ft:gpt-4o-2024-08-06:shop:cli-loop:fake1";

    private string Data => Path.Combine(Folder.Path, "data");

    private string Export => Path.Combine(Folder.Path, "export");

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Server.Fallback = _ => new FakeReply.Content(SampleEstimates.ShaftJson());
    }

    // A dozen CLI commands end to end, ten estimates among them: a minute or more on a machine that also runs the other test programs.
    [Fact(Timeout = 480_000)]
    public async Task Estimate_feedback_export_fine_tune_and_activate_switch_the_next_estimate_to_the_new_model()
    {
        using var gate = new SemaphoreSlim(3);
        await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            await gate.WaitAsync(Token);
            try
            {
                var id = await EstimateAsync(TestPdfs.WithPages(1, widthMm: 200 + i), $"part-{i}.pdf");
                var feedback = await CliRunner.InvokeAsync("feedback", id, "--actual-min", $"{12 + i}", "--data", Data);
                Assert.True(feedback.ExitCode == 0, feedback.Stderr);
            }
            finally
            {
                gate.Release();
            }
        }));

        var export = await CliRunner.InvokeAsync("export-training", "--out", Export, "--validation-percent", "0", "--data", Data);
        var start = await CliRunner.InvokeAsync(ServerEnvironment, "fine-tune", "start", "--suffix", "cli-loop", "--from", Export, "--data", Data);
        var jobId = start.Json.GetProperty("jobId").GetString()!;
        Server.FineTuning.Advance(jobId, "running");
        Server.FineTuning.AddMetricsEvent(jobId, step: 5, trainLoss: 1.2);
        Server.FineTuning.Advance(jobId, "succeeded", FineTunedModel, trainedTokens: 40_000);
        var status = await CliRunner.InvokeAsync(ServerEnvironment, "fine-tune", "status", "--data", Data);
        var activate = await CliRunner.InvokeAsync(ServerEnvironment, "model", "activate", FineTunedModel, "--data", Data); // checked on the two samples first
        await EstimateAsync(TestPdfs.WithPages(1, widthMm: 260), "next.pdf");
        var info = await CliRunner.InvokeAsync("model-info", "--data", Data);

        Assert.True(export.ExitCode == 0, export.Stderr);
        Assert.True(start.ExitCode == 0, start.Stderr);
        Assert.Equal(10, Assert.Single(Server.FineTuning.Files).Lines.Count);
        Assert.True(status.ExitCode == 0, status.Stderr);
        var job = Assert.Single(status.Json.GetProperty("jobs").EnumerateArray());
        Assert.Equal(("succeeded", FineTunedModel, 40_000), (job.GetProperty("status").GetString(), job.GetProperty("fineTunedModel").GetString(), job.GetProperty("trainedTokens").GetInt32()));
        Assert.Contains($"timevision model activate {FineTunedModel}", status.Stderr, StringComparison.Ordinal);
        Assert.True(activate.ExitCode == 0, activate.Stderr);
        Assert.Equal(FineTunedModel, Server.Requests[^1].Model);
        Assert.Equal(
            (FineTunedModel, "registry", "openai_ft", "ft", "succeeded"),
            (info.Json.GetProperty("activeModel").GetString(), info.Json.GetProperty("source").GetString(), info.Json.GetProperty("provider").GetString(),
             info.Json.GetProperty("promptSetId").GetString(), info.Json.GetProperty("latestFineTuneJob").GetProperty("status").GetString()));
        Assert.Equal(1, info.Json.GetProperty("estimatesByModel").GetProperty(FineTunedModel).GetInt32());
    }

    [Fact]
    public async Task Export_training_with_format_sharegpt_writes_png_files_and_dataset_info_and_fine_tune_start_refuses_the_folder()
    {
        var id = await EstimateAsync(TestPdfs.WithPages(1), "part.pdf");
        var feedback = await CliRunner.InvokeAsync("feedback", id, "--actual-min", "12", "--data", Data);
        Assert.True(feedback.ExitCode == 0, feedback.Stderr);

        var export = await CliRunner.InvokeAsync("export-training", "--out", Export, "--format", "sharegpt", "--validation-percent", "0", "--data", Data);
        var start = await CliRunner.InvokeAsync(ServerEnvironment, "fine-tune", "start", "--suffix", "open", "--from", Export, "--data", Data);

        Assert.True(export.ExitCode == 0, export.Stderr);
        Assert.Equal("sharegpt", export.Json.GetProperty("format").GetString());
        var line = JsonDocument.Parse(Assert.Single(File.ReadLines(Path.Combine(Export, "train.jsonl")))).RootElement;
        var image = Assert.Single(line.GetProperty("images").EnumerateArray()).GetString()!;
        Assert.Equal($"images/{id}-p001.png", image);
        Assert.StartsWith("<image>", line.GetProperty("messages")[1].GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.True(PngImage.Load(Path.Combine(Export, image)).Width > 0);
        Assert.True(File.Exists(Path.Combine(Export, "dataset_info.json")));
        Assert.Equal(2, start.ExitCode);
        Assert.Equal("wrong_export_format", start.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("--format openai", start.Stderr, StringComparison.Ordinal);
        Assert.Empty(Server.FineTuning.Files);
    }

    [Theory]
    [InlineData("--format", "foo")]
    [InlineData("--source", "guess")]
    public async Task Export_training_with_a_value_it_does_not_accept_exits_2_and_writes_nothing(string option, string value)
    {
        var run = await CliRunner.InvokeAsync("export-training", "--out", Export, option, value, "--data", Data);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(value, run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Export));
    }

    [Fact]
    public async Task Starting_from_a_folder_without_an_export_is_bad_input_with_the_way_out()
    {
        var run = await CliRunner.InvokeAsync(ServerEnvironment, "fine-tune", "start", "--suffix", "x", "--from", Folder.Path, "--data", Data);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("no_export", run.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("export-training", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_key_fine_tuning_says_what_to_set()
    {
        var run = await CliRunner.InvokeAsync(new Dictionary<string, string?>(), "fine-tune", "status", "--data", Data);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("OPENAI_API_KEY", run.Stderr, StringComparison.Ordinal);
    }

    private async Task<string> EstimateAsync(byte[] pdf, string name)
    {
        var path = TestPdfs.WriteTo(Folder.Path, name, pdf);
        var run = await CliRunner.InvokeAsync(ServerEnvironment, "estimate", path, "--data", Data, "--json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        return run.Json.GetProperty("id").GetString()!;
    }
}
