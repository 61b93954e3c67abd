using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Vision;
using TimeVision.Core.Estimating.Vision.Spend;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing.FakeOpenAI;

namespace TimeVision.Core.Tests.Vision.Spend;

/// <summary>The spend budgets through the real estimator, SDK and fake server: what is sent, what waits, what is counted.</summary>
public sealed class VisionBudgetTests : FakeOpenAITestBase
{
    private const string Model = "gpt-4o-2024-08-06";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Pages_past_the_daily_budget_are_not_sent_and_fail_retryable_with_when_it_opens()
    {
        Server.Fallback = _ => new FakeReply.Content(SampleEstimates.ShaftJson());
        using var services = Services(("Vision:DailyBudgetUsd", "0.02"));
        var page = await RenderedPages.OdriMotorShaftAsStoredAsync();

        var results = new List<PageEstimateResult>();
        for (var i = 0; i < 10; i++)
        {
            results.Add(await services.Get<IVisionEstimator>().EstimatePageAsync(page, model: null, facts: null, Token));
        }

        var sent = results.TakeWhile(r => r.Status == PageEstimateStatus.Completed).ToList();
        Assert.InRange(sent.Count, 1, 9);
        Assert.Equal(sent.Count, Server.Requests.Count);
        Assert.All(results.Skip(sent.Count), result =>
        {
            Assert.Equal((PageEstimateStatus.Failed, VisionErrorCode.BudgetSpent, 0, true), (result.Status, result.Error!.Code, result.Attempts, result.Retryable));
            Assert.Contains("0.02 USD", result.Error.Message, StringComparison.Ordinal);
            Assert.Contains("2026-12-01 00:00 UTC", result.Error.Message, StringComparison.Ordinal);
        });

        // The day's total is what the calls really cost (each reservation settled), and within the budget.
        var spent = await services.Get<IDailyTotals>().GetAsync(VisionBudget.DailyTotalName, new DateOnly(2026, 11, 30), Token);
        Assert.Equal(sent.Sum(r => CostOf(services, r)), spent, precision: 9);
        Assert.True(spent <= 0.02, $"spent {spent}");
        Assert.True(spent + CostOf(services, sent[^1]) > 0.02 - 1e-9, $"a page was held back with budget left ({spent} USD spent)");
    }

    [Fact]
    public async Task The_next_utc_day_opens_the_budget_again()
    {
        Server.Fallback = _ => new FakeReply.Content(SampleEstimates.ShaftJson());
        using var services = Services(("Vision:DailyBudgetUsd", "0.02"));
        var page = await RenderedPages.OdriMotorShaftAsStoredAsync();
        var budget = services.Get<VisionBudget>();
        await services.Get<IDailyTotals>().TryAddAsync(VisionBudget.DailyTotalName, new DateOnly(2026, 11, 30), 0.02, 1, Token);

        var today = await services.Get<IVisionEstimator>().EstimatePageAsync(page, model: null, facts: null, Token);
        var refusal = await budget.CheckDailyAsync(Token);
        _clock.Advance(TimeSpan.FromHours(15));
        var tomorrowCheck = await budget.CheckDailyAsync(Token);
        var tomorrow = await services.Get<IVisionEstimator>().EstimatePageAsync(page, model: null, facts: null, Token);

        Assert.Equal(VisionErrorCode.BudgetSpent, today.Error!.Code);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), refusal!.OpensAt);
        Assert.Null(tomorrowCheck);
        Assert.Equal(PageEstimateStatus.Completed, tomorrow.Status);
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task A_refused_first_call_of_the_day_leaves_the_day_at_zero()
    {
        using var services = Services(("Vision:DailyBudgetUsd", "0.001"));

        var result = await services.Get<IVisionEstimator>().EstimatePageAsync(await RenderedPages.OdriMotorShaftAsStoredAsync(), model: null, facts: null, Token);

        Assert.Equal(VisionErrorCode.BudgetSpent, result.Error!.Code);
        Assert.Contains("(0.00 USD", result.Error.Message, StringComparison.Ordinal);
        Assert.Null(await services.Get<VisionBudget>().CheckDailyAsync(Token));
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task Under_a_budget_a_model_without_a_price_is_not_called()
    {
        using var services = Services(("Vision:DailyBudgetUsd", "5"), ("Vision:Model", "shop-vision-2"));

        var result = await services.Get<IVisionEstimator>().EstimatePageAsync(await RenderedPages.OdriMotorShaftAsStoredAsync(), model: null, facts: null, Token);

        Assert.Equal((VisionErrorCode.UnpricedModel, true), (result.Error!.Code, result.Retryable));
        Assert.Contains("Evaluation:Prices:shop-vision-2", result.Error.Message, StringComparison.Ordinal);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task The_run_budget_holds_without_the_daily_one_and_leaves_the_daily_total_alone()
    {
        Server.Fallback = _ => new FakeReply.Content(SampleEstimates.ShaftJson());
        using var services = Services(("Vision:RunBudgetUsd", "0.015"));
        var page = await RenderedPages.OdriMotorShaftAsStoredAsync();

        var results = new List<PageEstimateResult>();
        for (var i = 0; i < 8; i++)
        {
            results.Add(await services.Get<IVisionEstimator>().EstimatePageAsync(page, model: null, facts: null, Token));
        }

        var sent = results.Count(r => r.Status == PageEstimateStatus.Completed);
        Assert.InRange(sent, 1, 7);
        Assert.Equal(sent, Server.Requests.Count);
        Assert.Contains("This run's budget of 0.015 USD", results[^1].Error!.Message, StringComparison.Ordinal);
        Assert.True(results.Take(sent).Sum(r => CostOf(services, r)) <= 0.015);
        Assert.Equal(0, await services.Get<IDailyTotals>().GetAsync(VisionBudget.DailyTotalName, new DateOnly(2026, 11, 30), Token));
    }

    [Fact]
    public async Task Without_a_budget_nothing_is_counted()
    {
        Server.Fallback = _ => new FakeReply.Content(SampleEstimates.ShaftJson());
        using var services = Services();

        var result = await services.Get<IVisionEstimator>().EstimatePageAsync(await RenderedPages.OdriMotorShaftAsStoredAsync(), model: null, facts: null, Token);

        Assert.Equal(PageEstimateStatus.Completed, result.Status);
        Assert.False(Directory.Exists(Path.Combine(Folder.Path, "totals")));
    }

    private static double CostOf(IServiceProvider services, PageEstimateResult result) =>
        services.Get<Microsoft.Extensions.Options.IOptions<ModelPriceOptions>>().Value.PriceOf(result.Model)!.Cost(result.InputTokens, result.OutputTokens);

    private ServiceProvider Services(params (string Key, string Value)[] settings) => CoreServices.Create(
        registrations => registrations.AddSingleton<TimeProvider>(_clock).AddTimeVisionCore(),
        [
            .. ServerSettings,
            ("Storage:DataDirectory", Folder.Path),
            .. settings.Any(s => s.Key == "Vision:Model") ? settings : [("Vision:Model", Model), .. settings],
        ]);
}
