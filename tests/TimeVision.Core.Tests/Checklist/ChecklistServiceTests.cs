using Microsoft.Extensions.Time.Testing;
using TimeVision.Core.Estimating.Checklist;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Storage;
using TimeVision.Core.Tests.Storage;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Checklist;

/// <summary>Ticking a document's facts checklist one line at a time, with who and when.</summary>
public sealed class ChecklistServiceTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 15, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();
    private readonly LocalEstimateStore _estimates;
    private readonly LocalChecklistStore _checklists;
    private readonly ChecklistService _service;

    public ChecklistServiceTests()
    {
        _estimates = new LocalEstimateStore(_folder.Path);
        _checklists = new LocalChecklistStore(_folder.Path);
        _service = new ChecklistService(_checklists, _estimates, new FakeTimeProvider(Now));
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_line_keeps_its_own_tick_who_made_it_and_when_and_a_document_without_ticks_has_an_empty_checklist()
    {
        var id = await StoredDocumentAsync();
        Assert.Empty((await _service.GetAsync(id, Token))!.Items);

        await _service.SetAsync(id, "p1.material", true, "  Jana  ", Token);
        await _service.SetAsync(id, "part1.size", true, null, Token);
        var result = await _service.SetAsync(id, "p1.material", false, "Petr", Token);

        Assert.Equal(ChecklistOutcome.Saved, result.Outcome);
        Assert.Equal(
            [new ChecklistItem("p1.material", false, "Petr", Now), new ChecklistItem("part1.size", true, null, Now)],
            (await _service.GetAsync(id, Token))!.Items);
    }

    [Theory]
    [InlineData("P1.Material")]
    [InlineData("p1 material")]
    [InlineData("")]
    [InlineData(null)]
    public async Task A_line_key_that_is_not_one_the_page_makes_is_refused_and_nothing_is_stored(string? item)
    {
        var id = await StoredDocumentAsync();

        var result = await _service.SetAsync(id, item, true, null, Token);

        Assert.Equal(ChecklistOutcome.Invalid, result.Outcome);
        Assert.Null(await _checklists.GetAsync(id, Token));
    }

    [Fact]
    public async Task An_unknown_document_is_not_found_and_has_no_checklist()
    {
        var id = ChecklistStoreContract.NewDocumentId();

        Assert.Equal(ChecklistOutcome.NotFound, (await _service.SetAsync(id, "p1.material", true, null, Token)).Outcome);
        Assert.Null(await _service.GetAsync(id, Token));
    }

    [Fact]
    public async Task A_tick_that_lost_a_race_reads_the_other_tick_and_keeps_both()
    {
        var id = await StoredDocumentAsync();
        var racing = new RacingStore(_checklists, () => _checklists.SaveAsync(DocumentChecklist.Empty(id).With(new ChecklistItem("p1.units", true, "Druhá směna", Now)), null, Token));
        var service = new ChecklistService(racing, _estimates, new FakeTimeProvider(Now));

        var result = await service.SetAsync(id, "p1.material", true, "Jana", Token);

        Assert.Equal(ChecklistOutcome.Saved, result.Outcome);
        Assert.Equal(["p1.units", "p1.material"], (await _checklists.GetAsync(id, Token))!.Items.Select(i => i.Item));
    }

    [Fact]
    public async Task A_checklist_keeps_at_most_its_limit_of_lines()
    {
        var id = await StoredDocumentAsync();
        var full = Enumerable.Range(0, ChecklistLimits.MaxItems).Aggregate(DocumentChecklist.Empty(id), (list, i) => list.With(new ChecklistItem($"line{i}", true, null, Now)));
        await _checklists.SaveAsync(full, null, Token);

        Assert.Equal(ChecklistOutcome.Invalid, (await _service.SetAsync(id, "one.more", true, null, Token)).Outcome);
        Assert.Equal(ChecklistOutcome.Saved, (await _service.SetAsync(id, "line7", false, null, Token)).Outcome);
    }

    public void Dispose() => _folder.Dispose();

    private async Task<string> StoredDocumentAsync()
    {
        var document = EstimateStoreContract.SampleDocument();
        await _estimates.SaveAsync(document, null, Token);
        return document.Id;
    }

    /// <summary>A store where another tick lands between this one's read and its first save.</summary>
    private sealed class RacingStore(IChecklistStore inner, Func<Task> other) : IChecklistStore
    {
        private Func<Task>? _other = other;

        public Task<DocumentChecklist?> GetAsync(string documentId, CancellationToken cancellationToken) => inner.GetAsync(documentId, cancellationToken);

        public async Task<string> SaveAsync(DocumentChecklist checklist, string? ifMatch, CancellationToken cancellationToken)
        {
            if (Interlocked.Exchange(ref _other, null) is { } race)
            {
                await race();
            }

            return await inner.SaveAsync(checklist, ifMatch, cancellationToken);
        }
    }
}
