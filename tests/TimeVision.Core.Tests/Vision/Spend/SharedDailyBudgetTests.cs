using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.Vision;
using TimeVision.Core.Estimating.Vision.Spend;
using TimeVision.Core.Learning.Evaluation;
using TimeVision.Core.Storage;
using TimeVision.Core.Tests.LocalServices;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing;
using TimeVision.Testing.LocalServices;

namespace TimeVision.Core.Tests.Vision.Spend;

/// <summary>
/// Two instances holding calls against one daily budget at once, through each store's real concurrency control: the
/// local files' exclusive lock and Cosmos DB's ETags (against the local Cosmos DB server).
/// </summary>
[Collection(LocalServicesGroup.Name)]
public sealed class SharedDailyBudgetTests(CosmosFixture cosmos) : IDisposable
{
    // gpt-4o-2024-08-06's default price with the prior tokens per call (1,500 in, 700 out): 0.01075 USD a call.
    private const double CallUsd = 0.01075;
    private const int CallsThatFit = 7;
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 22, 0, 0, TimeSpan.Zero));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Cosmos_db_instances_never_hold_more_than_the_budget_together()
    {
        var client = cosmos.CreateClient(CosmosAccount.ClientOptions());
        var container = await CosmosEstimateStore.EnsureContainerAsync(client, await cosmos.CreateDatabaseNameAsync(Token), "estimates", Token);

        await AssertTwoInstancesShareAsync(new CosmosDailyTotals(container), new CosmosDailyTotals(container));
    }

    [Fact]
    public async Task Local_processes_never_hold_more_than_the_budget_together() =>
        await AssertTwoInstancesShareAsync(new LocalDailyTotals(_folder.Path), new LocalDailyTotals(_folder.Path));

    public void Dispose() => _folder.Dispose();

    private async Task AssertTwoInstancesShareAsync(IDailyTotals first, IDailyTotals second)
    {
        var budgets = new[] { Budget(first), Budget(second) };

        var reservations = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(() => budgets[i % 2].ReserveAsync("gpt-4o-2024-08-06", Token), Token)));

        Assert.Equal(CallsThatFit, reservations.Count(r => r.Refusal is null));
        Assert.All(reservations.Where(r => r.Refusal is not null), r => Assert.Equal(VisionErrorCode.BudgetSpent, r.Refusal!.Code));
        Assert.Equal(CallsThatFit * CallUsd, await first.GetAsync(VisionBudget.DailyTotalName, new DateOnly(2026, 11, 30), Token), precision: 9);
    }

    private VisionBudget Budget(IDailyTotals totals)
    {
        var services = CoreServices.Create(
            registrations => registrations.AddOptions<VisionOptions>().BindConfiguration(VisionOptions.SectionName).Services
                .AddOptions<ModelPriceOptions>().BindConfiguration(ModelPriceOptions.SectionName),
            ("Vision:DailyBudgetUsd", (CallsThatFit * CallUsd + CallUsd / 2).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return new VisionBudget(
            totals, services.GetRequiredService<IOptionsMonitor<VisionOptions>>(), services.GetRequiredService<IOptionsMonitor<ModelPriceOptions>>(), _clock);
    }
}
