using TimeVision.Testing;
using TimeVision.Testing.FakeOpenAI;

namespace TimeVision.Cli.Tests;

/// <summary><c>timevision estimate-page</c>, run in the test's process, against the fake OpenAI server.</summary>
public sealed class EstimatePageCommandTests : FakeOpenAITestBase
{
    [Fact]
    public async Task Estimates_a_pdf_page_and_prints_the_page_result()
    {
        Server.Enqueue(new FakeReply.Content(SampleEstimates.ShaftJson()));

        var run = await CliRunner.InvokeAsync(ServerEnvironment, "estimate-page", RepositoryPaths.Sample("odri-motor-shaft.pdf"));

        Assert.True(run.ExitCode == 0, run.Stderr);
        var result = run.Json;
        Assert.Equal("completed", result.GetProperty("status").GetString());
        Assert.Equal("ROT", result.GetProperty("estimate").GetProperty("part_type").GetString());
        Assert.Equal(2.4, result.GetProperty("estimate").GetProperty("estimated_time_min").GetDouble());
        Assert.Equal("openai", result.GetProperty("provider").GetString());
        Assert.Equal("base", result.GetProperty("promptId").GetString());
        Assert.Equal(2048, Assert.Single(Server.Requests).ImageWidth);
    }

    [Fact]
    public async Task A_text_layer_that_cannot_be_read_in_time_leaves_the_page_without_facts_and_it_is_still_estimated()
    {
        Server.Enqueue(new FakeReply.Content(SampleEstimates.ShaftJson()));
        // 1 ms: pdftotext cannot even start in that time, so reading the text layer always runs out of its own time.
        var environment = new Dictionary<string, string?>(ServerEnvironment) { ["Rendering__TextLayerTimeout"] = "00:00:00.001" };

        var run = await CliRunner.InvokeAsync(environment, "estimate-page", RepositoryPaths.Sample("odri-motor-shaft.pdf"));

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("completed", run.Json.GetProperty("status").GetString());
        Assert.Contains("page 1: estimating without the text layer's facts: Reading the text layer took longer than", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Estimates_a_png_page()
    {
        var pngFolder = Path.Combine(Folder.Path, "pages");
        Assert.Equal(0, (await CliRunner.InvokeAsync("render", RepositoryPaths.Sample("edocr-adapterplatte.pdf"), "--out", pngFolder)).ExitCode);
        Server.Enqueue(new FakeReply.Content(SampleEstimates.ShaftJson()));

        var run = await CliRunner.InvokeAsync(ServerEnvironment, "estimate-page", Path.Combine(pngFolder, "page-001.png"));

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal((2048, 1448), (Server.Requests[0].ImageWidth, Server.Requests[0].ImageHeight));
    }

    [Fact]
    public async Task A_blocked_page_exits_3_with_the_refusal()
    {
        Server.Enqueue(new FakeReply.Refusal("I'm sorry, I can't help with that."), new FakeReply.Refusal("I'm sorry, I can't help with that."));

        var run = await CliRunner.InvokeAsync(ServerEnvironment, "estimate-page", RepositoryPaths.Sample("odri-motor-shaft.pdf"));

        Assert.Equal(3, run.ExitCode);
        Assert.Equal("blocked", run.Json.GetProperty("status").GetString());
        Assert.Equal("I'm sorry, I can't help with that.", run.Json.GetProperty("refusal").GetString());
    }

    [Fact]
    public async Task Model_and_endpoint_flags_reach_a_fine_tuned_model()
    {
        const string model = "ft:gpt-4o-2024-08-06:shop::abc123";
        Server.ExpectedModel = model;
        Server.Enqueue(new FakeReply.Content(SampleEstimates.ShaftJson()));
        var environment = new Dictionary<string, string?> { ["OPENAI_API_KEY"] = FakeOpenAIServer.ApiKey };

        var run = await CliRunner.InvokeAsync(
            environment, "estimate-page", RepositoryPaths.Sample("odri-motor-shaft.pdf"), "--model", model, "--endpoint", Server.BaseUrl.ToString());

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("openai_ft", run.Json.GetProperty("provider").GetString());
        Assert.Equal("ft", run.Json.GetProperty("promptId").GetString());
    }

    [Fact]
    public async Task An_activated_model_is_used_by_the_next_estimate_unless_configuration_names_one()
    {
        const string model = "ft:gpt-4o-2024-08-06:shop::abc123";
        var data = Path.Combine(Folder.Path, "data");
        // Each request is answered as it asks (the check's two samples and its reading sample may come in any order).
        Server.Fallback = request => new FakeReply.Content(SampleEstimates.AnswerTo(request));
        var activated = await CliRunner.InvokeAsync(ServerEnvironment, "model", "activate", model, "--data", data);

        var info = await CliRunner.InvokeAsync(ServerEnvironment, "model-info", "--data", data);
        var estimated = await CliRunner.InvokeAsync(
            new Dictionary<string, string?>(ServerEnvironment) { ["Storage__DataDirectory"] = data },
            "estimate-page", RepositoryPaths.Sample("odri-motor-shaft.pdf"));
        var configured = await CliRunner.InvokeAsync(
            new Dictionary<string, string?>(ServerEnvironment) { ["Storage__DataDirectory"] = data, ["Vision__Model"] = "gpt-4.1" },
            "estimate-page", RepositoryPaths.Sample("odri-motor-shaft.pdf"));

        Assert.True(activated.ExitCode == 0, activated.Stderr);
        Assert.Equal((model, "registry", true, "openai_ft", "gpt-4o-2024-08-06", "ft", "other"), (
            info.Json.GetProperty("activeModel").GetString(),
            info.Json.GetProperty("source").GetString(),
            info.Json.GetProperty("fineTuned").GetBoolean(),
            info.Json.GetProperty("provider").GetString(),
            info.Json.GetProperty("baseModel").GetString(),
            info.Json.GetProperty("promptSetId").GetString(),
            info.Json.GetProperty("endpointKind").GetString()));
        Assert.True(estimated.ExitCode == 0, estimated.Stderr);
        Assert.True(configured.ExitCode == 0, configured.Stderr);
        // The check's two samples, then the two estimates; the check's reading sample went to the checked model too.
        Assert.Equal([model, model, model, "gpt-4.1"], Server.Requests.Where(r => !SampleEstimates.IsReading(r)).Select(r => r.Model));
        Assert.All(Server.Requests.Where(SampleEstimates.IsReading), r => Assert.Equal(model, r.Model));
    }

    [Fact]
    public async Task Without_a_key_it_says_exactly_what_to_set()
    {
        var run = await CliRunner.InvokeAsync(
            new Dictionary<string, string?> { ["OPENAI_BASE_URL"] = Server.BaseUrl.ToString() },
            "estimate-page", RepositoryPaths.Sample("odri-motor-shaft.pdf"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("missing_api_key", run.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("OPENAI_API_KEY", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task A_page_beyond_the_pdf_is_bad_input()
    {
        var run = await CliRunner.InvokeAsync(ServerEnvironment, "estimate-page", RepositoryPaths.Sample("odri-motor-shaft.pdf"), "--page", "2");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("page_out_of_range", run.Json.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_file_that_is_neither_pdf_nor_image_is_bad_input()
    {
        var file = Folder.Write("notes.png", "hello"u8.ToArray());

        var run = await CliRunner.InvokeAsync(ServerEnvironment, "estimate-page", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("not_image", run.Json.GetProperty("error").GetProperty("code").GetString());
    }
}
