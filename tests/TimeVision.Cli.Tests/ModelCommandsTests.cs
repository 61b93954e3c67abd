using TimeVision.Core.Estimating.Estimates;
using TimeVision.Testing;
using TimeVision.Testing.FakeOpenAI;

namespace TimeVision.Cli.Tests;

/// <summary><c>timevision model check</c>, the check before <c>model activate</c>, and retirement dates, run in the test's process, against the fake server.</summary>
public sealed class ModelCommandsTests : FakeOpenAITestBase
{
    private string Data => Path.Combine(Folder.Path, "data");

    private Dictionary<string, string?> Environment => new(ServerEnvironment) { ["Vision__InitialRetryDelay"] = "00:00:00.010" };

    [Fact]
    public async Task Check_of_a_usable_model_exits_0_with_one_call_per_sample_in_json()
    {
        Server.Fallback = _ => new FakeReply.Content(SampleEstimates.OriginalShape().ToJsonString());

        var run = await CliRunner.InvokeAsync(Environment, "model", "check", "gpt-4.1", "--json");

        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
        Assert.Equal("gpt-4.1", run.Json.GetProperty("model").GetString());
        Assert.True(run.Json.GetProperty("usable").GetBoolean());
        var calls = run.Json.GetProperty("calls").EnumerateArray().ToList();
        Assert.Equal(["edocr-adapterplatte.pdf", "odri-motor-shaft.pdf"], calls.Select(c => c.GetProperty("sample").GetString()));
        Assert.All(calls, call =>
        {
            Assert.Equal(("ok", "json_schema_strict"), (call.GetProperty("status").GetString(), call.GetProperty("dialect").GetString()));
            Assert.Equal(1105, call.GetProperty("inputTokens").GetInt64());
            Assert.True(call.GetProperty("outputTokens").GetInt64() > 0);
            Assert.True(call.GetProperty("latencyMs").GetInt64() >= 0);
            Assert.Contains(call.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == "filled_with_default" || w.GetProperty("code").GetString() == "filled_from_text_layer");
        });
    }

    [Theory]
    [InlineData("activate", "../../x")]
    [InlineData("activate", "a\nb")]
    [InlineData("check", "x/y")]
    public async Task A_model_id_that_is_not_one_exits_2_with_invalid_model_id_and_nothing_is_switched_or_sent(string command, string id)
    {
        string[] args = command == "activate" ? ["model", command, id, "--force", "--data", Data] : ["model", command, id, "--data", Data];
        var run = await CliRunner.InvokeAsync(Environment, args);
        var info = await CliRunner.InvokeAsync(Environment, "model-info", "--data", Data);

        Assert.True(run.ExitCode == 2, run.Stderr + run.Stdout);
        Assert.Equal("invalid_model_id", run.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(ModelIds.Default, info.Json.GetProperty("activeModel").GetString());
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task A_reasoning_model_forced_to_a_temperature_fails_the_check_with_exit_3_and_is_not_activated()
    {
        Server.RejectedParameters.Add("temperature");
        Server.Fallback = _ => new FakeReply.Content(SampleEstimates.ShaftJson());
        var environment = new Dictionary<string, string?>(Environment) { ["Vision__Models__o4-mini__Temperature"] = "0" };

        var check = await CliRunner.InvokeAsync(environment, "model", "check", "o4-mini");
        var activate = await CliRunner.InvokeAsync(environment, "model", "activate", "o4-mini", "--data", Data);
        var info = await CliRunner.InvokeAsync(environment, "model-info", "--data", Data);

        Assert.Equal(3, check.ExitCode);
        Assert.Contains("NOT usable", check.Stdout, StringComparison.Ordinal);
        Assert.Contains("Set Vision:Models:o4-mini:Temperature = none.", check.Stdout, StringComparison.Ordinal);
        Assert.Equal(3, activate.ExitCode);
        Assert.Equal("model_check_failed", activate.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("default", info.Json.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Activate_with_force_switches_without_calling_the_model()
    {
        var activate = await CliRunner.InvokeAsync(Environment, "model", "activate", "qwen3-vl", "--force", "--data", Data);

        Assert.True(activate.ExitCode == 0, activate.Stderr);
        Assert.Equal("qwen3-vl", activate.Json.GetProperty("activeModel").GetString());
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task Model_info_and_estimate_say_when_the_model_retires_as_the_endpoint_announces_it()
    {
        Server.Models["gpt-4o-2024-08-06"] = "2027-01-14";
        Server.Enqueue(new FakeReply.Content(SampleEstimates.ShaftJson()));
        var environment = new Dictionary<string, string?>(Environment) { ["Vision__Model"] = "gpt-4o-2024-08-06" };
        var daysLeft = DateOnly.Parse("2027-01-14", System.Globalization.CultureInfo.InvariantCulture).DayNumber - DateOnly.FromDateTime(DateTime.UtcNow).DayNumber;

        var info = await CliRunner.InvokeAsync(environment, "model-info", "--data", Data);
        var estimate = await CliRunner.InvokeAsync(environment, "estimate", RepositoryPaths.Sample("odri-motor-shaft.pdf"), "--data", Data);

        Assert.True(info.ExitCode == 0, info.Stderr);
        Assert.Equal(("2027-01-14", daysLeft, "provider"), (info.Json.GetProperty("retiresOn").GetString(), info.Json.GetProperty("daysLeft").GetInt32(), info.Json.GetProperty("retirementSource").GetString()));
        Assert.True(estimate.ExitCode == 0, estimate.Stderr);
        Assert.Equal(daysLeft <= 60, estimate.Stderr.Contains("warning: gpt-4o-2024-08-06 retires on 2027-01-14", StringComparison.Ordinal));
    }
}
