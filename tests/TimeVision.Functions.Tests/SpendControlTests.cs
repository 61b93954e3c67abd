using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Estimating.Vision.Spend;
using TimeVision.Core.Storage;
using TimeVision.Testing;
using TimeVision.Testing.FakeOpenAI;
using TimeVision.Testing.LocalServices;
using TimeVision.Api.Http;

namespace TimeVision.Functions.Tests;

/// <summary>
/// <c>Vision:DailyBudgetUsd</c> in the Functions app: once the day's budget is spent, an upload is refused with 429 and
/// when to come back; a blob drop, which nobody waits on, is kept with its pages waiting as <c>budget_spent</c>, and the
/// retry timer finishes it the next day.
/// </summary>
[Collection(LocalServicesGroup.Name)]
public sealed class SpendControlTests(AzuriteFixture azurite, CosmosFixture cosmos) : IAsyncLifetime
{
    private const double BudgetUsd = 0.5;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    private FunctionsHarness _harness = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _harness = await FunctionsHarness.StartAsync(
            azurite,
            cosmos,
            settings: new Dictionary<string, string?> { ["Vision:DailyBudgetUsd"] = "0.5" },
            configureServices: services => services.AddSingleton<TimeProvider>(_time));
        _harness.Model.Fallback = _ => new FakeReply.Content(SampleEstimates.ShaftJson());

        // Other instances spent today's budget.
        var totals = _harness.Services.GetRequiredService<IDailyTotals>();
        Assert.True(await totals.TryAddAsync(VisionBudget.DailyTotalName, new DateOnly(2026, 12, 1), BudgetUsd, BudgetUsd, Token));
    }

    public async ValueTask DisposeAsync()
    {
        Assert.Empty(_harness.Model.Violations);
        await _harness.DisposeAsync();
    }

    [Fact]
    public async Task An_upload_while_the_budget_is_spent_is_refused_with_429_and_when_to_come_back()
    {
        var request = FunctionsHarness.Request("POST", TestPdfs.WithPages(1, widthMm: 311));

        var result = Assert.IsType<JsonHttpResult<ApiErrorBody>>((await _harness.Api.PostAsync(request, _harness.Client, Token)).Result);

        var error = JsonSerializer.SerializeToElement(result.Value).GetProperty("error");
        Assert.Equal(429, result.StatusCode);
        Assert.Equal("daily_budget_spent", error.GetProperty("code").GetString());
        Assert.Contains("opens again at 2026-12-02 00:00 UTC", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(error.GetProperty("correlationId").GetString()));
        Assert.Equal("57600", request.HttpContext.Response.Headers.RetryAfter.ToString()); // 16 h to midnight UTC
        Assert.Empty(_harness.Model.Requests);
    }

    [Fact]
    public async Task A_blob_dropped_while_the_budget_is_spent_waits_and_the_timer_finishes_it_the_next_day()
    {
        var pdf = TestPdfs.WithPages(2, widthMm: 312);
        var id = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf));
        var reference = new BlobReference(BlobReference.DrawingsContainer, $"budget-{Guid.NewGuid():N}.pdf");
        await _harness.Services.GetRequiredService<IBlobStore>().UploadAsync(reference, new MemoryStream(pdf), Token);
        var sweep = _harness.Services.GetRequiredService<RetrySweep>();

        await _harness.BlobTrigger.RunAsync(new MemoryStream(pdf), reference.Name, _harness.Client, Token);
        await _harness.WaitAsync(id);
        var waiting = await StoredAsync(id);
        _time.Advance(TimeSpan.FromHours(2));
        var sameDay = await sweep.RunAsync(_harness.Client, Token);
        _time.Advance(TimeSpan.FromHours(15));
        var nextDay = await sweep.RunAsync(_harness.Client, Token);
        await _harness.WaitAsync(Assert.Single(nextDay));
        var finished = await StoredAsync(id);

        Assert.Equal([1, 2], waiting.RetryablePages);
        Assert.All(waiting.Pages, page => Assert.Equal(VisionErrorCode.BudgetSpent, page.Result!.Error!.Code));
        Assert.Empty(sameDay);
        Assert.Equal((DocumentStatus.Completed, 1), (finished.Status, finished.Retries));
        Assert.Equal(2, _harness.Model.Requests.Count); // no call while the budget was spent, one per page after
    }

    private async Task<DocumentEstimate> StoredAsync(string id) =>
        Assert.IsType<DocumentEstimate>(Assert.IsType<Ok<DocumentEstimate>>((await _harness.Api.GetAsync(FunctionsHarness.Request("GET"), id, _harness.Client, Token)).Result).Value);
}
