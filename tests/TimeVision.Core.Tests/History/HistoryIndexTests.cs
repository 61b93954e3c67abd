using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Learning.Feedback;
using TimeVision.Core.Learning.History;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing;
using TimeVision.Testing.History;

namespace TimeVision.Core.Tests.History;

/// <summary>The history index on the local store, over generated labelled history: similar parts, and an index that follows the labels.</summary>
public sealed class HistoryIndexTests : IAsyncLifetime
{
    private const int Parts = 60;
    private readonly TempFolder _folder = new();
    private Microsoft.Extensions.DependencyInjection.ServiceProvider _services = null!;
    private readonly List<(string Id, GeneratedPart Part)> _history = [];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _services = Services();
        var random = new Random(11);
        for (var i = 0; i < Parts; i++)
        {
            var part = GeneratedHistory.Draw(random, i);
            var id = GeneratedHistory.IdOf($"index-{i}");
            await GeneratedHistory.StoreAsync(_services, id, part, Token);
            _history.Add((id, part));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Similar_ranks_a_planted_near_duplicate_first_and_never_the_document_itself()
    {
        var (id, part) = _history[17];
        var duplicate = GeneratedHistory.IdOf("near-duplicate");
        await GeneratedHistory.StoreAsync(_services, duplicate, part with { LengthMm = part.LengthMm * 1.02, DrawingNumber = "DUP-1" }, Token, actualMinutes: 42);

        var answer = await _services.Get<SimilarPartsFinder>().FindAsync(id, k: 5, Token);

        Assert.NotNull(answer);
        var neighbours = Assert.Single(answer.Parts).Neighbours;
        Assert.Equal(5, neighbours.Count);
        Assert.Equal((duplicate, "DUP-1", 42.0, "actual", 1), (neighbours[0].Id, neighbours[0].DrawingNumber, neighbours[0].ActualMin, neighbours[0].Source, neighbours[0].Rows));
        Assert.DoesNotContain(neighbours, n => n.Id == id);
        Assert.Equal(neighbours.Select(n => n.Score).OrderDescending(), neighbours.Select(n => n.Score));
        Assert.Contains(neighbours[0].Reasons, r => r is { Feature: "size", Matched: true });
        Assert.Equal(Parts + 1, answer.HistoryParts);
    }

    [Fact]
    public async Task A_new_label_reaches_the_index_and_a_new_host_loads_the_stored_index_without_reading_documents_again()
    {
        var index = _services.Get<HistoryIndex>();
        Assert.Equal(Parts, (await index.EntriesAsync(Token)).Count);
        var late = GeneratedHistory.IdOf("late");

        await GeneratedHistory.StoreAsync(_services, late, _history[0].Part with { DrawingNumber = "LATE-1" }, Token, actualMinutes: 7.5);
        var entries = await index.EntriesAsync(Token);

        var entry = Assert.Single(entries, e => e.DocumentId == late);
        Assert.Equal((7.5, "LATE-1", 1), (entry.ActualMinutes, entry.DrawingNumber, entry.Part));
        await using var restarted = Services();
        Assert.Equal(0, await restarted.Get<HistoryIndex>().RefreshAsync(rebuildAll: false, Token));
        Assert.Equal(Parts + 1, (await restarted.Get<HistoryIndex>().EntriesAsync(Token)).Count);
        Assert.Equal(Parts + 1, await restarted.Get<HistoryIndex>().RefreshAsync(rebuildAll: true, Token));
    }

    [Fact]
    public async Task A_corrected_label_replaces_the_part_s_time()
    {
        var index = _services.Get<HistoryIndex>();
        await index.EntriesAsync(Token);
        var (id, _) = _history[3];

        await _services.Get<FeedbackService>().RecordAsync(
            id, new ShopFeedback { ActualMinutes = 99, Source = FeedbackSource.Actual, Part = 1 }, null, Token);

        Assert.Equal(99, Assert.Single(await index.EntriesAsync(Token), e => e.DocumentId == id).ActualMinutes);
    }

    private Microsoft.Extensions.DependencyInjection.ServiceProvider Services() => CoreServices.Create(
        ("Storage:DataDirectory", Path.Combine(_folder.Path, "data")),
        ("History:RefreshInterval", "00:00:00"));
}
