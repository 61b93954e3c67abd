using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Testing;
using TimeVision.Testing.FakeOpenAI;
using TimeVision.Testing.LocalServices;

namespace TimeVision.Functions.Tests.Faults;

/// <summary>
/// A 429 storm: twenty documents posted at once while the model answers half of all calls with 429 and
/// <c>Retry-After</c>. Every page waits as asked and tries again inside the vision client, within its retry budget
/// (<c>Vision:MaxRetries</c>), and every document completes. The waits run on a fake clock that lets them pass at once.
/// </summary>
[Collection(FaultsGroup.Name)]
public sealed class RateLimitStormTests(AzuriteFixture azurite, CosmosFixture cosmos)
{
    private const int Documents = 20;
    private const int MaxRetries = 4;
    private const int RetryAfterSeconds = 2;

    /// <summary>
    /// How many 429s each page meets before its answer, by the order pages first reach the model: from the whole budget
    /// down to none, twenty in all, so exactly half of the forty calls are 429s.
    /// </summary>
    private static readonly int[] RateLimitsPerPage = [4, 4, 3, 2, 2, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    [Fact]
    public async Task Twenty_documents_at_once_with_half_of_all_calls_answered_429_all_complete_within_the_retry_budget()
    {
        var clock = new InstantWaitTimeProvider();
        await using var harness = await FunctionsHarness.StartAsync(
            azurite,
            cosmos,
            settings: new Dictionary<string, string?> { ["Vision:MaxRetries"] = MaxRetries.ToString(CultureInfo.InvariantCulture) },
            configureServices: services => services.AddSingleton<TimeProvider>(clock));
        var storm = new Storm();
        harness.Model.Fallback = storm.Answer;
        var pdfs = Enumerable.Range(0, Documents).Select(i => TestPdfs.WithPages(1, widthMm: 430 + i)).ToList();

        var accepted = await Task.WhenAll(pdfs.Select(harness.PostAsync));
        var ids = accepted.Select(body => body.GetProperty("id").GetString()!).ToList();
        await Task.WhenAll(ids.Select(id => harness.WaitAsync(id, TimeSpan.FromMinutes(2))));
        var stored = new List<DocumentEstimate>();
        foreach (var id in ids)
        {
            stored.Add(await harness.StoredAsync(id));
        }

        var triesPerPage = stored.Select(document => document.Pages.Single().Result!.Attempts).ToList();
        Assert.Equal(Documents, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(stored, document => Assert.Equal(DocumentStatus.Completed, document.Status));
        Assert.Equal((2 * Documents, Documents), (harness.Model.Requests.Count, storm.RateLimited));
        Assert.Equal(RateLimitsPerPage.Select(limits => limits + 1).Order(), triesPerPage.Order());
        Assert.Equal(MaxRetries + 1, triesPerPage.Max()); // the unluckiest pages used the whole budget, and none more
        Assert.Equal(Enumerable.Repeat(TimeSpan.FromSeconds(RetryAfterSeconds), Documents), clock.Waits);
        Assert.Empty(harness.Model.Violations);
    }

    /// <summary>The model's side of the storm: each page's first calls are 429s, as many as <see cref="RateLimitsPerPage"/> says.</summary>
    private sealed class Storm
    {
        private readonly ConcurrentDictionary<string, int> _pageOrder = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, int> _callsPerPage = new(StringComparer.Ordinal);
        private int _pages;
        private int _rateLimited;

        public int RateLimited => Volatile.Read(ref _rateLimited);

        public FakeReply Answer(RecordedRequest request)
        {
            var page = HarnessCalls.ImageKey(request);
            var order = _pageOrder.GetOrAdd(page, _ => Interlocked.Increment(ref _pages) - 1);
            var call = _callsPerPage.AddOrUpdate(page, 1, (_, calls) => calls + 1);
            if (call <= RateLimitsPerPage[order])
            {
                Interlocked.Increment(ref _rateLimited);
                return FakeReply.RateLimited(RetryAfterSeconds);
            }

            return new FakeReply.Content(SampleEstimates.ShaftJson());
        }
    }
}
