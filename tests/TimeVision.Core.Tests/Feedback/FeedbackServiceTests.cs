using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Estimating.Rendering;
using TimeVision.Core.Learning.Feedback;
using TimeVision.Core.Storage;
using TimeVision.Core.Tests.Storage;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Feedback;

public sealed class FeedbackServiceTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly LocalEstimateStore _store;
    private readonly FeedbackService _service;

    public FeedbackServiceTests()
    {
        _store = new LocalEstimateStore(_folder.Path);
        _service = new FeedbackService(_store, new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero)));
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Feedback_is_stored_with_its_source_and_time_and_a_new_token()
    {
        var document = await StoreAsync();

        var result = await _service.RecordAsync(document.Id, Actual(3.1) with { EnteredBy = "Novák", Notes = "DMU 50" }, document.ETag, Token);

        Assert.Equal(FeedbackOutcome.Saved, result.Outcome);
        var stored = (await _store.GetAsync(document.Id, Token))!;
        Assert.Equal(result.ETag, stored.ETag);
        var feedback = Assert.Single(stored.Feedback!);
        Assert.Equal((3.1, FeedbackSource.Actual, "Novák"), (feedback.ActualMinutes, feedback.Source, feedback.EnteredBy));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero), feedback.EnteredAt);
    }

    [Fact]
    public async Task A_stale_token_is_a_conflict_and_nothing_is_overwritten()
    {
        var document = await StoreAsync();
        var first = await _service.RecordAsync(document.Id, Actual(3.1), document.ETag, Token);

        var late = await _service.RecordAsync(document.Id, Actual(9.9) with { Source = FeedbackSource.Expert }, document.ETag, Token);

        Assert.Equal(FeedbackOutcome.Saved, first.Outcome);
        Assert.Equal(FeedbackOutcome.Conflict, late.Outcome);
        var stored = (await _store.GetAsync(document.Id, Token))!;
        Assert.Equal(3.1, Assert.Single(stored.Feedback!).ActualMinutes);
        Assert.Equal(first.ETag, stored.ETag);
    }

    [Fact]
    public async Task Without_a_token_the_current_one_is_used()
    {
        var document = await StoreAsync();
        await _service.RecordAsync(document.Id, Actual(3.1), null, Token);

        var second = await _service.RecordAsync(document.Id, Actual(4.2) with { Source = FeedbackSource.Expert }, null, Token);

        Assert.Equal(FeedbackOutcome.Saved, second.Outcome);
        Assert.Equal(2, (await _store.GetAsync(document.Id, Token))!.Feedback!.Count);
    }

    public static TheoryData<string, ShopFeedback> InvalidFeedback => new()
    {
        { "zero minutes", Actual(0) },
        { "10,000 minutes", Actual(10_000) },
        { "notes too long", Actual(2) with { Notes = new string('x', 2001) } },
        { "a part that does not exist", Actual(2) with { Part = 2 } },
        { "an operation without time", Actual(2) with { Operations = [new OperationActual("Frézování", 0)] } },
        { "a material of 201 characters", Actual(2) with { Material = new string('x', 201) } },
        { "who entered it in 201 characters", Actual(2) with { EnteredBy = new string('x', 201) } },
        { "an operation name of 201 characters", Actual(2) with { Operations = [new OperationActual(new string('x', 201), 1)] } },
        { "51 operations", Actual(2) with { Operations = [.. Enumerable.Range(1, 51).Select(i => new OperationActual($"op {i}", 1))] } },
    };

    [Theory]
    [MemberData(nameof(InvalidFeedback))]
    public async Task Invalid_feedback_is_refused_with_a_reason(string description, ShopFeedback feedback)
    {
        var document = await StoreAsync();

        var result = await _service.RecordAsync(document.Id, feedback, document.ETag, Token);

        Assert.True(result.Outcome == FeedbackOutcome.Invalid, description);
        Assert.False(string.IsNullOrWhiteSpace(result.Message));
        Assert.Null((await _store.GetAsync(document.Id, Token))!.Feedback);
    }

    [Fact]
    public async Task Feedback_at_every_field_limit_is_stored()
    {
        var document = await StoreAsync();

        var result = await _service.RecordAsync(document.Id, Largest(), document.ETag, Token);

        Assert.Equal(FeedbackOutcome.Saved, result.Outcome);
    }

    [Fact]
    public async Task A_document_keeps_at_most_100_entries_and_the_101st_is_refused_saying_so()
    {
        var document = await StoreAsync();
        for (var i = 0; i < FeedbackLimits.MaxEntriesPerDocument; i++)
        {
            Assert.Equal(FeedbackOutcome.Saved, (await _service.RecordAsync(document.Id, Actual(2 + i), null, Token)).Outcome);
        }

        var refused = await _service.RecordAsync(document.Id, Actual(1), null, Token);

        Assert.Equal(FeedbackOutcome.Invalid, refused.Outcome);
        Assert.Contains("100 feedback entries", refused.Message, StringComparison.Ordinal);
        Assert.Equal(100, (await _store.GetAsync(document.Id, Token))!.Feedback!.Count);
    }

    [Fact]
    public async Task Entries_as_large_as_allowed_never_take_the_document_past_the_Cosmos_DB_item_limit()
    {
        var document = await StoreAsync();
        var outcomes = new List<FeedbackOutcome>();
        for (var i = 0; i < 40; i++)
        {
            outcomes.Add((await _service.RecordAsync(document.Id, Largest(), null, Token)).Outcome);
        }

        var stored = (await _store.GetAsync(document.Id, Token))!;
        var bytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(stored, System.Text.Json.JsonSerializerOptions.Web).Length;
        Assert.True(bytes < 2 * 1024 * 1024, $"{bytes} bytes");
        Assert.Contains(FeedbackOutcome.Invalid, outcomes);
        Assert.Equal(stored.Feedback!.Count, outcomes.Count(o => o == FeedbackOutcome.Saved));
    }

    [Fact]
    public async Task An_unknown_document_is_not_found()
    {
        var result = await _service.RecordAsync(new string('b', 64), Actual(2), null, Token);

        Assert.Equal(FeedbackOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task Estimating_a_document_again_keeps_its_feedback()
    {
        var document = await StoreAsync();
        await _service.RecordAsync(document.Id, Actual(3.1), null, Token);
        using var services = Support.CoreServices.Create(("Storage:DataDirectory", _folder.Path));
        var pipeline = Support.CoreServices.Get<DocumentPipeline>(services);
        var request = new EstimateDocumentRequest(document.Id, BlobReference.Drawing(document.Id), "again.pdf", DocumentSource.Cli, ModelId.Default, 8, 3, TimeSpan.FromSeconds(1), Force: true);

        await pipeline.SaveAsync(new SaveDocumentRequest(request, new InspectionOutcome([new PdfPageInfo(1, 842, 595, 0)], null), [], DateTimeOffset.UnixEpoch), Token);

        var stored = (await _store.GetAsync(document.Id, Token))!;
        Assert.Equal("again.pdf", stored.FileName);
        Assert.Equal(3.1, Assert.Single(stored.Feedback!).ActualMinutes);
    }

    [Fact]
    public async Task Feedback_entered_while_an_estimate_is_being_saved_is_kept()
    {
        var document = await StoreAsync();
        var racing = new FeedbackArrivesBeforeFirstSave(_store, () => _service.RecordAsync(document.Id, Actual(4.2), null, Token));
        using var services = Support.CoreServices.Create(
            s => s.AddTimeVisionCore().AddSingleton<IEstimateStore>(racing), ("Storage:DataDirectory", _folder.Path));
        var pipeline = Support.CoreServices.Get<DocumentPipeline>(services);
        var request = new EstimateDocumentRequest(document.Id, BlobReference.Drawing(document.Id), "again.pdf", DocumentSource.Cli, ModelId.Default, 8, 3, TimeSpan.FromSeconds(1), Force: true);

        await pipeline.SaveAsync(new SaveDocumentRequest(request, new InspectionOutcome([new PdfPageInfo(1, 842, 595, 0)], null), [], DateTimeOffset.UnixEpoch), Token);

        var stored = (await _store.GetAsync(document.Id, Token))!;
        Assert.Equal("again.pdf", stored.FileName);
        Assert.Equal(4.2, Assert.Single(stored.Feedback!).ActualMinutes);
    }

    private static ShopFeedback Actual(double minutes) => new() { ActualMinutes = minutes, Source = FeedbackSource.Actual };

    /// <summary>An entry at every limit, in letters stored escaped (six bytes each): the most one entry can weigh.</summary>
    private static ShopFeedback Largest() => Actual(2) with
    {
        Material = new string('ž', FeedbackLimits.MaxShortTextLength),
        EnteredBy = new string('ř', FeedbackLimits.MaxShortTextLength),
        Notes = new string('č', FeedbackLimits.MaxNotesLength),
        Operations = [.. Enumerable.Range(0, FeedbackLimits.MaxOperations).Select(_ => new OperationActual(new string('š', FeedbackLimits.MaxShortTextLength), 1))],
    };

    private async Task<DocumentEstimate> StoreAsync()
    {
        var document = EstimateStoreContract.SampleDocument();
        await _store.SaveAsync(document, null, Token);
        return (await _store.GetAsync(document.Id, Token))!;
    }

    /// <summary>A store where a person enters feedback between the pipeline's read and its first write.</summary>
    private sealed class FeedbackArrivesBeforeFirstSave(IEstimateStore inner, Func<Task> enterFeedback) : IEstimateStore
    {
        private int _saves;

        public Task<DocumentEstimate?> GetAsync(string documentId, CancellationToken cancellationToken) => inner.GetAsync(documentId, cancellationToken);

        public async Task<string> SaveAsync(DocumentEstimate document, string? ifMatch, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _saves) == 1)
            {
                await enterFeedback();
            }

            return await inner.SaveAsync(document, ifMatch, cancellationToken);
        }

        public Task<IReadOnlyDictionary<string, int>> CountByModelAsync(CancellationToken cancellationToken) => inner.CountByModelAsync(cancellationToken);

        public IAsyncEnumerable<string> ListLabelledAsync(CancellationToken cancellationToken) => inner.ListLabelledAsync(cancellationToken);

        public IAsyncEnumerable<LabelVersion> ListLabelVersionsAsync(CancellationToken cancellationToken) => inner.ListLabelVersionsAsync(cancellationToken);

        public IAsyncEnumerable<string> ListRetryableAsync(CancellationToken cancellationToken) => inner.ListRetryableAsync(cancellationToken);

        public Task ForgetRetryableAsync(string documentId, CancellationToken cancellationToken) => inner.ForgetRetryableAsync(documentId, cancellationToken);

        public Task<PageEstimateResult?> GetPageResultAsync(string documentId, int page, string model, string promptHash, CancellationToken cancellationToken) =>
            inner.GetPageResultAsync(documentId, page, model, promptHash, cancellationToken);

        public Task SavePageResultAsync(string documentId, int page, PageEstimateResult result, CancellationToken cancellationToken) =>
            inner.SavePageResultAsync(documentId, page, result, cancellationToken);
    }
}
