using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TimeVision.Api.Handlers;
using TimeVision.Api.Http;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Estimating.Vision;
using TimeVision.Functions.Triggers;
using TimeVision.Testing;
using TimeVision.Testing.LocalServices;

namespace TimeVision.Functions.Tests.Faults;

/// <summary>
/// The model endpoint down, then back: the fake server stops listening (connections refused) and listens again on the
/// same port. While it is down every page fails retryable after the vision client's whole retry budget; once it is back
/// the document completes by posting it again, or with no one doing anything when the retry timer is on.
/// </summary>
[Collection(FaultsGroup.Name)]
public sealed class ModelOutageTests(AzuriteFixture azurite, CosmosFixture cosmos)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task After_the_endpoint_comes_back_posting_the_pdf_again_completes_it_with_one_model_call_per_page()
    {
        var clock = new InstantWaitTimeProvider();
        await using var harness = await StartAsync(clock);
        var tries = TriesPerCall(harness);
        var pdf = TestPdfs.WithPageSizes((401, 210), (401, 220));
        await harness.Model.StopAsync();

        var id = await harness.PostAndWaitAsync(pdf);
        var duringOutage = await harness.StoredAsync(id);
        await harness.Model.RestartAsync();
        var again = await harness.PostAsync(pdf);
        await harness.WaitAsync(id);
        var recovered = await harness.StoredAsync(id);

        Assert.Equal((DocumentStatus.Failed, 2), (duringOutage.Status, duringOutage.PageCount));
        Assert.All(duringOutage.Pages, page => Assert.Equal(
            (VisionErrorCode.NetworkError, true, tries),
            (page.Result!.Error!.Code, page.Retryable, page.Result.Attempts)));
        Assert.Equal(2 * (tries - 1), clock.Waits.Count); // every try the budget allows, no more
        Assert.Equal((true, 2), (again.GetProperty("started").GetBoolean(), again.GetProperty("retryPages").GetArrayLength()));
        Assert.Equal((DocumentStatus.Completed, 0, 1), (recovered.Status, recovered.RetryablePages.Count, recovered.Retries));
        await harness.AssertEachPageReachedTheModelOnceAsync([recovered]);
    }

    [Fact]
    public async Task With_the_retry_timer_on_the_document_completes_after_the_endpoint_comes_back_with_no_one_posting_it_again()
    {
        var clock = new InstantWaitTimeProvider();
        await using var harness = await StartAsync(clock);
        var timer = ActivatorUtilities.CreateInstance<RetryTimer>(harness.Services);
        var retry = harness.Services.GetRequiredService<IOptions<RetryOptions>>().Value;
        var minute = TimeSpan.FromMinutes(1);
        await harness.Model.StopAsync();
        var id = await harness.PostAndWaitAsync(TestPdfs.WithPageSizes((402, 210), (402, 220)));

        await RunTimerAsync(timer, harness, id);
        var beforeTheWait = await harness.StoredAsync(id);
        clock.Advance(retry.DelayAfter(0) + minute);
        await RunTimerAsync(timer, harness, id);
        var retriedWhileDown = await harness.StoredAsync(id);
        await harness.Model.RestartAsync();
        await RunTimerAsync(timer, harness, id);
        var beforeTheLongerWait = await harness.StoredAsync(id);
        clock.Advance(retry.DelayAfter(1) + minute);
        await RunTimerAsync(timer, harness, id);
        var recovered = await harness.StoredAsync(id);

        Assert.Equal((DocumentStatus.Failed, 0), (beforeTheWait.Status, beforeTheWait.Retries));
        Assert.Equal((DocumentStatus.Failed, 1), (retriedWhileDown.Status, retriedWhileDown.Retries));
        Assert.Equal((DocumentStatus.Failed, 1), (beforeTheLongerWait.Status, beforeTheLongerWait.Retries)); // the wait doubled
        Assert.Equal((DocumentStatus.Completed, 2, 0), (recovered.Status, recovered.Retries, recovered.RetryablePages.Count));
        await harness.AssertEachPageReachedTheModelOnceAsync([recovered]);
    }

    private Task<FunctionsHarness> StartAsync(InstantWaitTimeProvider clock) => FunctionsHarness.StartAsync(
        azurite, cosmos, configureServices: services => services.AddSingleton<TimeProvider>(clock));

    /// <summary>Tries one model call may make: the first and the configured retries (<c>Vision:MaxRetries</c>).</summary>
    private static int TriesPerCall(FunctionsHarness harness) =>
        harness.Services.GetRequiredService<IOptions<VisionOptions>>().Value.MaxRetries + 1;

    /// <summary>Runs the retry timer function once, and waits for the run it may have started.</summary>
    private static async Task RunTimerAsync(RetryTimer timer, FunctionsHarness harness, string id)
    {
        await timer.RunAsync(new TimerInfo(), harness.Client, Token);
        await harness.WaitAsync(id);
    }
}
