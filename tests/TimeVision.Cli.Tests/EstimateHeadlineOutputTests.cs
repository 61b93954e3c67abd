using TimeVision.Testing;
using TimeVision.Testing.FakeOpenAI;

namespace TimeVision.Cli.Tests;

/// <summary>
/// <c>timevision estimate</c> and <c>show</c> print both numbers, the engine's and the model's, with which one heads and
/// why (<c>headline</c> in the JSON), under the <c>Estimate:Method</c> setting; the model as the fake OpenAI server.
/// </summary>
public sealed class EstimateHeadlineOutputTests : FakeOpenAITestBase
{
    private string Data => Path.Combine(Folder.Path, "data");

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Server.Fallback = _ => new FakeReply.Content(SampleEstimates.ShaftJson());
    }

    [Fact]
    public async Task A_model_total_far_from_the_plans_minutes_is_shown_beside_the_engines_headline_with_its_warning()
    {
        Server.Fallback = _ => new FakeReply.Content(SampleEstimates.ShaftJson(total: 12, breakdown: [4, 6, 2]));

        var estimate = await CliRunner.InvokeAsync(ServerEnvironment, "estimate", RepositoryPaths.Sample("odri-motor-shaft.pdf"), "--data", Data, "--json");
        var id = estimate.Json.GetProperty("id").GetString()!;
        var show = await CliRunner.InvokeAsync(ServerEnvironment, "show", id, "--data", Data);

        Assert.True(estimate.ExitCode == 0, estimate.Stderr);
        var headline = estimate.Json.GetProperty("headline");
        var routing = estimate.Json.GetProperty("plan").GetProperty("routing");
        Assert.Equal(("engine", "default"), (headline.GetProperty("method").GetString(), headline.GetProperty("requested").GetString()));
        Assert.Equal(Math.Round(routing.GetProperty("cycleMin").GetDouble(), 2), headline.GetProperty("minutes").GetDouble());
        Assert.Equal(Math.Round(routing.GetProperty("setupMin").GetDouble(), 2), headline.GetProperty("setupMin").GetDouble());
        Assert.Equal(("model", 12.0), (headline.GetProperty("other").GetProperty("method").GetString(), headline.GetProperty("other").GetProperty("minutes").GetDouble()));
        Assert.Equal("model_total_far_from_plan", headline.GetProperty("warnings")[0].GetProperty("code").GetString());
        Assert.True(show.ExitCode == 0, show.Stderr);
        Assert.Contains(Invariant($"Headline (engine): {headline.GetProperty("minutes").GetDouble():0.00} min per piece + {headline.GetProperty("setupMin").GetDouble():0.00} min setup per batch"), show.Stdout, StringComparison.Ordinal);
        Assert.Contains("  model: 12.00 min", show.Stdout, StringComparison.Ordinal);
        Assert.Contains("  warning model_total_far_from_plan: The model's total (12 min) is ", show.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Estimate_method_model_heads_with_the_models_total_and_shows_the_engines_minutes_beside_it()
    {
        var environment = ServerEnvironment;
        environment["Estimate__Method"] = "model";

        var estimate = await CliRunner.InvokeAsync(environment, "estimate", RepositoryPaths.Sample("odri-motor-shaft.pdf"), "--data", Data);
        var id = estimate.Stdout.Split('\n').Single(line => line.StartsWith("id ", StringComparison.Ordinal))[3..].Trim();
        var show = await CliRunner.InvokeAsync(ServerEnvironment, "show", id, "--data", Data, "--json");

        Assert.True(estimate.ExitCode == 0, estimate.Stderr);
        Assert.Contains("Headline (model): 2.40 min\n  why: Estimate:Method is model.\n  engine: ", estimate.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var headline = show.Json.GetProperty("headline");
        Assert.Equal(("model", 2.4, "model"), (headline.GetProperty("method").GetString(), headline.GetProperty("minutes").GetDouble(), headline.GetProperty("requested").GetString()));
        Assert.Equal("engine", headline.GetProperty("other").GetProperty("method").GetString());
        Assert.True(headline.GetProperty("other").GetProperty("setupMin").GetDouble() > 0);
        Assert.Equal(0, headline.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public async Task An_unknown_estimate_method_is_an_invalid_option_naming_the_setting()
    {
        var environment = ServerEnvironment;
        environment["Estimate__Method"] = "cheapest";

        var run = await CliRunner.InvokeAsync(environment, "estimate", RepositoryPaths.Sample("odri-motor-shaft.pdf"), "--data", Data, "--json");

        Assert.Equal((2, "invalid_option"), (run.ExitCode, run.Json.GetProperty("error").GetProperty("code").GetString()));
        Assert.Contains("Estimate:Method is engine, model or best", run.Json.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(Server.Requests);
    }

    private static string Invariant(FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
