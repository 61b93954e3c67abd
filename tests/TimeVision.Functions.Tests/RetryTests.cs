using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Storage;
using TimeVision.Testing;
using TimeVision.Testing.FakeOpenAI;
using TimeVision.Testing.LocalServices;
using TimeVision.Api.Handlers;
using TimeVision.Api.Http;

namespace TimeVision.Functions.Tests;

/// <summary>
/// An outage, a wrong key or an unknown model does not leave a document failed for good: its failed pages are marked
/// retryable and run again when the PDF comes in again, or on request, and only those pages.
/// </summary>
[Collection(LocalServicesGroup.Name)]
public sealed class RetryTests(AzuriteFixture azurite, CosmosFixture cosmos) : IAsyncLifetime
{
    private FunctionsHarness _harness = null!;
    private int _calls;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        // No retries inside one request: the first call fails outright, as after an outage longer than the retry budget.
        _harness = await FunctionsHarness.StartAsync(azurite, cosmos, settings: new Dictionary<string, string?> { ["Vision:MaxRetries"] = "0" });
    }

    public async ValueTask DisposeAsync()
    {
        Assert.Empty(_harness.Model.Violations);
        await _harness.DisposeAsync();
    }

    [Fact]
    public async Task After_an_outage_posting_the_same_pdf_again_runs_only_the_failed_page()
    {
        FailFirstCall(FakeReply.ServerError());
        var pdf = TestPdfs.WithPages(2, widthMm: 301);

        var id = await PostAndWaitAsync(pdf);
        var failed = await StoredAsync(id);
        var again = Assert.IsType<Accepted<EstimateAccepted>>((await _harness.Api.PostAsync(FunctionsHarness.Request("POST", pdf), _harness.Client, Token)).Result);
        await _harness.WaitAsync(id);
        var recovered = await StoredAsync(id);

        var failedPage = Assert.Single(failed.RetryablePages);
        Assert.Equal(DocumentStatus.Partial, failed.Status);
        Assert.Equal(("started", true), (Property(again.Value, "status"), Started(again.Value)));
        Assert.Equal([failedPage], RetryPages(again.Value));
        Assert.Equal((DocumentStatus.Completed, 0, 1), (recovered.Status, recovered.RetryablePages.Count, recovered.Retries));
        Assert.Equal(3, _harness.Model.Requests.Count); // two pages, then only the failed one again
    }

    [Fact]
    public async Task A_wrong_key_is_retried_on_request_with_the_retry_endpoint()
    {
        FailFirstCall(new FakeReply.HttpError(401, "invalid_api_key", "Incorrect API key provided."));
        var id = await PostAndWaitAsync(TestPdfs.WithPages(1, widthMm: 302));
        var failed = await StoredAsync(id);

        var retried = Assert.IsType<Accepted<EstimateAccepted>>((await _harness.Api.RetryAsync(FunctionsHarness.Request("POST"), id, _harness.Client, Token)).Result);
        await _harness.WaitAsync(id);
        var nothingLeft = Assert.IsType<Ok<EstimateRetryNotNeeded>>((await _harness.Api.RetryAsync(FunctionsHarness.Request("POST"), id, _harness.Client, Token)).Result);

        Assert.Equal(VisionErrorCode.Unauthorized, failed.Pages[0].Result!.Error!.Code);
        Assert.True(failed.Pages[0].Retryable);
        Assert.True(Started(retried.Value));
        Assert.Equal(DocumentStatus.Completed, (await StoredAsync(id)).Status);
        Assert.False(Started(nothingLeft.Value));
        Assert.Equal(2, _harness.Model.Requests.Count);
    }

    [Fact]
    public async Task A_refusal_stays_until_forced()
    {
        FailFirstCall(new FakeReply.Refusal("I can't help with that."), new FakeReply.Refusal("I can't help with that."));
        var pdf = TestPdfs.WithPages(1, widthMm: 303);
        var id = await PostAndWaitAsync(pdf);

        var again = Assert.IsType<Accepted<EstimateAccepted>>((await _harness.Api.PostAsync(FunctionsHarness.Request("POST", pdf), _harness.Client, Token)).Result);
        var retry = Assert.IsType<Ok<EstimateRetryNotNeeded>>((await _harness.Api.RetryAsync(FunctionsHarness.Request("POST"), id, _harness.Client, Token)).Result);

        Assert.Equal(PageEstimateStatus.Blocked, (await StoredAsync(id)).Pages[0].Status);
        Assert.Empty((await StoredAsync(id)).RetryablePages);
        Assert.Equal("already_estimated", Property(again.Value, "status"));
        Assert.False(Started(retry.Value));
        Assert.Equal(2, _harness.Model.Requests.Count); // the refusal and its one retry with detail: auto
    }

    [Fact]
    public async Task Retrying_an_unknown_document_is_404()
    {
        var result = Assert.IsType<JsonHttpResult<ApiErrorBody>>((await _harness.Api.RetryAsync(FunctionsHarness.Request("POST"), new string('a', 64), _harness.Client, Token)).Result);

        Assert.Equal(404, result.StatusCode);
        Assert.Contains("not_found", JsonSerializer.Serialize(result.Value), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blob_uploaded_again_after_an_outage_runs_the_failed_page()
    {
        FailFirstCall(FakeReply.ServerError());
        var pdf = TestPdfs.WithPages(1, widthMm: 304);
        var blobs = (IBlobStore)_harness.Services.GetService(typeof(IBlobStore))!;
        var reference = new BlobReference(BlobReference.DrawingsContainer, $"retry-{Guid.NewGuid():N}.pdf");
        await blobs.UploadAsync(reference, new MemoryStream(pdf), Token);

        await _harness.BlobTrigger.RunAsync(new MemoryStream(pdf), reference.Name, _harness.Client, Token);
        var id = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf));
        await _harness.WaitAsync(id);
        var failed = await StoredAsync(id);
        await _harness.BlobTrigger.RunAsync(new MemoryStream(pdf), reference.Name, _harness.Client, Token);
        await _harness.WaitAsync(id);

        Assert.Equal(DocumentStatus.Failed, failed.Status);
        Assert.Equal(DocumentStatus.Completed, (await StoredAsync(id)).Status);
    }

    [Fact]
    public async Task The_timer_retries_a_failed_document_once_its_wait_is_over_and_no_more_than_the_daily_cap()
    {
        await _harness.DisposeAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        _harness = await FunctionsHarness.StartAsync(
            azurite,
            cosmos,
            settings: new Dictionary<string, string?> { ["Vision:MaxRetries"] = "0", ["Retry:DailyCap"] = "1" },
            configureServices: services => services.AddSingleton<TimeProvider>(time));
        FailFirstCall(FakeReply.ServerError(), FakeReply.ServerError());
        var first = await PostAndWaitAsync(TestPdfs.WithPages(1, widthMm: 305));
        var second = await PostAndWaitAsync(TestPdfs.WithPages(1, widthMm: 306));
        var sweep = _harness.Services.GetRequiredService<RetrySweep>();

        var tooEarly = await sweep.RunAsync(_harness.Client, Token);
        time.Advance(TimeSpan.FromMinutes(16));
        var afterTheWait = await sweep.RunAsync(_harness.Client, Token);
        await _harness.WaitAsync(Assert.Single(afterTheWait));
        var capReached = await sweep.RunAsync(_harness.Client, Token);
        time.Advance(TimeSpan.FromDays(1));
        var nextDay = await sweep.RunAsync(_harness.Client, Token);
        await _harness.WaitAsync(Assert.Single(nextDay));

        Assert.Empty(tooEarly);
        Assert.Empty(capReached);
        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), afterTheWait.Concat(nextDay).Order(StringComparer.Ordinal));
        Assert.Equal((DocumentStatus.Completed, 1), ((await StoredAsync(first)).Status, (await StoredAsync(first)).Retries));
        Assert.Equal((DocumentStatus.Completed, 1), ((await StoredAsync(second)).Status, (await StoredAsync(second)).Retries));
        Assert.Equal(4, _harness.Model.Requests.Count);
    }

    private void FailFirstCall(params FakeReply[] failures) =>
        _harness.Model.Fallback = _ => Interlocked.Increment(ref _calls) <= failures.Length
            ? failures[_calls - 1]
            : new FakeReply.Content(SampleEstimates.ShaftJson());

    private async Task<string> PostAndWaitAsync(byte[] pdf)
    {
        var accepted = Assert.IsType<Accepted<EstimateAccepted>>((await _harness.Api.PostAsync(FunctionsHarness.Request("POST", pdf), _harness.Client, Token)).Result);
        var id = Property(accepted.Value, "id");
        await _harness.WaitAsync(id);
        return id;
    }

    private async Task<DocumentEstimate> StoredAsync(string id) =>
        Assert.IsType<DocumentEstimate>(Assert.IsType<Ok<DocumentEstimate>>((await _harness.Api.GetAsync(FunctionsHarness.Request("GET"), id, _harness.Client, Token)).Result).Value);

    private static JsonElement Json(object? value) => JsonDocument.Parse(JsonSerializer.Serialize(value, JsonSerializerOptions.Web)).RootElement;

    private static string Property(object? value, string name) => Json(value).GetProperty(name).GetString()!;

    private static bool Started(object? value) => Json(value).GetProperty("started").GetBoolean();

    private static int[] RetryPages(object? value) => [.. Json(value).GetProperty("retryPages").EnumerateArray().Select(page => page.GetInt32())];
}
