using TimeVision.Core.Estimating.Estimates;
using TimeVision.Testing;

namespace TimeVision.Cli.Tests;

/// <summary>
/// Commands run in the test's process side by side, each with the environment it is given, as separate processes
/// would: what one invocation is given reaches no other, and a flag still wins over the environment.
/// </summary>
public sealed class CliRunnerTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string Data => Path.Combine(_folder.Path, "data");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Each_invocation_sees_only_the_environment_it_was_given()
    {
        var configured = new Dictionary<string, string?> { ["Vision__Model"] = "gpt-4.1" };

        var runs = await Task.WhenAll(
            CliRunner.InvokeAsync(configured, "model-info", "--data", Data),
            CliRunner.InvokeAsync("model-info", "--data", Data),
            CliRunner.InvokeAsync(new Dictionary<string, string?> { ["Vision__Model"] = "o4-mini" }, "model-info", "--data", Data));
        var after = await CliRunner.InvokeAsync("model-info", "--data", Data);

        Assert.All(runs.Append(after), run => Assert.True(run.ExitCode == 0, run.Stderr));
        Assert.Equal(("gpt-4.1", "configuration"), (runs[0].Json.GetProperty("activeModel").GetString(), runs[0].Json.GetProperty("source").GetString()));
        Assert.Equal((ModelIds.Default, "default"), (runs[1].Json.GetProperty("activeModel").GetString(), runs[1].Json.GetProperty("source").GetString()));
        Assert.Equal("o4-mini", runs[2].Json.GetProperty("activeModel").GetString());
        Assert.Equal("default", after.Json.GetProperty("source").GetString());
    }

    [Fact]
    public async Task A_flag_wins_over_the_environment_as_in_a_process()
    {
        var environment = new Dictionary<string, string?> { ["Storage__DataDirectory"] = Path.Combine(_folder.Path, "elsewhere") };

        var activated = await CliRunner.InvokeAsync(environment, "model", "activate", "qwen3-vl", "--force", "--data", Data);

        Assert.True(activated.ExitCode == 0, activated.Stderr);
        Assert.True(Directory.Exists(Data));
        Assert.False(Directory.Exists(Path.Combine(_folder.Path, "elsewhere")));
    }
}
