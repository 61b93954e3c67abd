using TimeVision.Testing;
using TimeVision.Testing.FakeOpenAI;

namespace TimeVision.Cli.Tests;

/// <summary>
/// The story of a new user during an outage: <c>estimate</c> while the model endpoint is down stores the page as failed
/// and retryable; once it is back, the same command (or <c>retry &lt;id&gt;</c>) asks the model for that page again,
/// with no <c>--force</c>.
/// </summary>
public sealed class RetryCommandTests : FakeOpenAITestBase
{
    private Uri _endpoint = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Server.Fallback = _ => new FakeReply.Content(SampleEstimates.ShaftJson());
        _endpoint = Server.BaseUrl;
    }

    private string Data => Path.Combine(Folder.Path, "data");

    private Dictionary<string, string?> Environment => new(ServerEnvironment)
    {
        ["OPENAI_BASE_URL"] = _endpoint.ToString(),
        ["Vision__MaxRetries"] = "0",
    };

    [Fact]
    public async Task After_an_outage_the_same_estimate_command_asks_the_model_again_for_the_failed_page()
    {
        var pdf = RepositoryPaths.Sample("odri-motor-shaft.pdf");
        _endpoint = new Uri("http://127.0.0.1:9/v1/"); // the discard port: nothing answers

        var down = await CliRunner.InvokeAsync(Environment, "estimate", pdf, "--data", Data, "--json");
        _endpoint = Server.BaseUrl;
        var back = await CliRunner.InvokeAsync(Environment, "estimate", pdf, "--data", Data, "--json");

        Assert.True(down.ExitCode == 3, down.Stderr);
        var failedPage = down.Json.GetProperty("pages")[0];
        Assert.Equal("network_error", failedPage.GetProperty("result").GetProperty("error").GetProperty("code").GetString());
        Assert.True(failedPage.GetProperty("retryable").GetBoolean());
        Assert.True(back.ExitCode == 0, back.Stderr);
        Assert.Equal("completed", back.Json.GetProperty("status").GetString());
        Assert.Contains("trying again the page(s) that failed", back.Stderr, StringComparison.Ordinal);
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task Retry_by_id_runs_the_failed_page_and_then_has_nothing_left_to_do()
    {
        Server.Enqueue(new FakeReply.HttpError(401, "invalid_api_key", "Incorrect API key provided."));
        var failed = await CliRunner.InvokeAsync(Environment, "estimate", RepositoryPaths.Sample("odri-motor-shaft.pdf"), "--data", Data, "--json");
        var id = failed.Json.GetProperty("id").GetString()!;

        var retried = await CliRunner.InvokeAsync(Environment, "retry", id, "--data", Data, "--json");
        var again = await CliRunner.InvokeAsync(Environment, "retry", id, "--data", Data, "--json");
        var unknown = await CliRunner.InvokeAsync(Environment, "retry", new string('e', 64), "--data", Data, "--json");

        Assert.Equal("unauthorized", failed.Json.GetProperty("pages")[0].GetProperty("result").GetProperty("error").GetProperty("code").GetString());
        Assert.True(retried.ExitCode == 0, retried.Stderr);
        Assert.Equal("completed", retried.Json.GetProperty("status").GetString());
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Contains("No page of odri-motor-shaft.pdf failed for a cause a retry can fix", again.Stderr, StringComparison.Ordinal);
        Assert.Equal((2, "not_found"), (unknown.ExitCode, unknown.Json.GetProperty("error").GetProperty("code").GetString()));
        Assert.Equal(2, Server.Requests.Count);
    }
}
