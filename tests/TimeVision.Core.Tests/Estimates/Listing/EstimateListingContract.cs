using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Listing;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Tests.Storage;

namespace TimeVision.Core.Tests.Estimates.Listing;

/// <summary>What the list of documents must do on every store: each store's test class runs these.</summary>
public abstract class EstimateListingContract
{
    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>A new, empty store that also lists.</summary>
    protected abstract Task<IEstimateStore> CreateStoreAsync();

    [Fact]
    public async Task The_list_is_newest_first_across_months_and_leaves_deleted_documents_out()
    {
        var store = await CreateStoreAsync();
        var october = await SaveAsync(store, Document("october.pdf", new DateTimeOffset(2026, 10, 3, 9, 0, 0, TimeSpan.Zero)));
        var november = await SaveAsync(store, Document("november.pdf", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero)));
        var deleted = await SaveAsync(store, Document("deleted.pdf", new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero)) with
        {
            DeletedAt = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero),
        });

        var page = await ((IEstimateListing)store).ListAsync(new EstimateQuery(), Token);
        var deletedOnly = await ((IEstimateListing)store).ListAsync(new EstimateQuery { Deleted = true }, Token);

        Assert.Equal([november.Id, october.Id], page.Items.Select(i => i.Id));
        Assert.Null(page.ContinuationToken);
        Assert.Equal([deleted.Id], deletedOnly.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task Filters_by_status_model_text_and_date_all_hold_together()
    {
        var store = await CreateStoreAsync();
        var shaft = await SaveAsync(store, Document("Hřídel <A>.pdf", new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero)));
        var failed = await SaveAsync(store, Document("broken.pdf", new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.Zero)) with { Status = DocumentStatus.Failed });
        var older = await SaveAsync(store, Document("shaft-older.pdf", new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero)));
        var listing = (IEstimateListing)store;
        var drawingNumber = shaft.Parts[0].DrawingNumber!;

        Assert.Equal([failed.Id], (await listing.ListAsync(new EstimateQuery { Status = DocumentStatus.Failed }, Token)).Items.Select(i => i.Id));
        Assert.Equal([shaft.Id], (await listing.ListAsync(new EstimateQuery { Text = "hŘÍDEL <a" }, Token)).Items.Select(i => i.Id));
        Assert.Equal(3, (await listing.ListAsync(new EstimateQuery { Text = drawingNumber.ToLowerInvariant() }, Token)).Items.Count);
        Assert.Equal(3, (await listing.ListAsync(new EstimateQuery { Model = "GPT-4o-2024-08-06" }, Token)).Items.Count);
        Assert.Equal(3, (await listing.ListAsync(new EstimateQuery { Model = "gpt-4o" }, Token)).Items.Count);
        Assert.Empty((await listing.ListAsync(new EstimateQuery { Model = "gpt-4.1" }, Token)).Items);
        Assert.Equal(
            [older.Id],
            (await listing.ListAsync(new EstimateQuery { From = new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero), To = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero) }, Token)).Items.Select(i => i.Id));
        Assert.Equal(
            [shaft.Id],
            (await listing.ListAsync(new EstimateQuery { Status = DocumentStatus.Completed, From = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero) }, Token)).Items.Select(i => i.Id));
    }

    [Fact]
    public async Task Paging_with_the_continuation_token_gives_every_document_once_in_order()
    {
        var store = await CreateStoreAsync();
        var saved = new List<DocumentEstimate>();
        var start = new DateTimeOffset(2026, 8, 30, 12, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 7; i++)
        {
            // Two share a moment, so the order falls back to the id; the seven span August to November.
            var createdAt = i == 4 ? saved[3].CreatedAt : start.AddDays(i * 15);
            saved.Add(await SaveAsync(store, Document($"part-{i}.pdf", createdAt)));
        }

        var listing = (IEstimateListing)store;
        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            ListCursor? after = null;
            Assert.True(token is null || ListCursor.TryParse(token, out after));
            var page = await listing.ListAsync(new EstimateQuery { PageSize = 3, After = after }, Token);
            Assert.True(page.Items.Count <= 3);
            seen.AddRange(page.Items.Select(i => i.Id));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null && pages < 10);

        var expected = saved.OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Id, StringComparer.Ordinal).Select(d => d.Id);
        Assert.Equal(expected, seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task A_document_estimated_again_in_a_later_month_is_listed_once_with_its_new_date()
    {
        var store = await CreateStoreAsync();
        var first = await SaveAsync(store, Document("again.pdf", new DateTimeOffset(2026, 10, 30, 9, 0, 0, TimeSpan.Zero)));
        var again = first with { CreatedAt = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero) };
        await store.SaveAsync(again, null, Token);

        var page = await ((IEstimateListing)store).ListAsync(new EstimateQuery(), Token);

        var row = Assert.Single(page.Items);
        Assert.Equal(again.CreatedAt, row.CreatedAt);
    }

    [Fact]
    public async Task Soft_delete_takes_a_document_off_the_list_and_restore_puts_it_back_with_its_feedback()
    {
        var store = await CreateStoreAsync();
        var document = await SaveAsync(store, Document("customer.pdf", new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero)) with
        {
            Feedback = [new ShopFeedback { ActualMinutes = 4, Source = FeedbackSource.Actual }],
        });
        var deletion = new EstimateDeletion(store, TimeProvider.System);
        var listing = (IEstimateListing)store;

        Assert.True(await deletion.DeleteAsync(document.Id, Token));
        Assert.Empty((await listing.ListAsync(new EstimateQuery(), Token)).Items);
        Assert.NotNull((await store.GetAsync(document.Id, Token))!.DeletedAt);

        Assert.True(await deletion.RestoreAsync(document.Id, Token));
        var restored = await store.GetAsync(document.Id, Token);
        Assert.Equal([document.Id], (await listing.ListAsync(new EstimateQuery(), Token)).Items.Select(i => i.Id));
        Assert.Null(restored!.DeletedAt);
        Assert.Single(restored.Feedback!);
        Assert.False(await deletion.DeleteAsync(new string('e', 64), Token));
    }

    [Fact]
    public async Task A_row_carries_the_current_figure_and_the_pages_the_model_refused_which_the_blocked_filter_finds()
    {
        var store = await CreateStoreAsync();
        var adjusted = await SaveAsync(store, Document("adjusted.pdf", new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero)) with
        {
            Feedback = [new ShopFeedback { ActualMinutes = 9.5, Source = FeedbackSource.Expert, Part = 1 }],
        });
        var plain = Document("refused.pdf", new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.Zero));
        var refused = await SaveAsync(store, plain with
        {
            PageCount = 2,
            Pages = [plain.Pages[0], new DocumentPage(2, PageEstimateStatus.Blocked, null, null, plain.Pages[0].Result! with { Status = PageEstimateStatus.Blocked, Estimate = null })],
            Status = DocumentStatus.Partial,
        });
        var listing = (IEstimateListing)store;

        var rows = (await listing.ListAsync(new EstimateQuery(), Token)).Items;
        var blocked = (await listing.ListAsync(new EstimateQuery { Blocked = true }, Token)).Items;

        var row = rows.Single(r => r.Id == adjusted.Id);
        Assert.Equal(9.5, row.CurrentMinutes);
        Assert.Equal(FigureSource.Adjustment, row.CurrentSource);
        Assert.Equal(2.4, rows.Single(r => r.Id == refused.Id).CurrentMinutes);
        Assert.Equal([refused.Id], blocked.Select(r => r.Id));
        Assert.Equal(1, blocked[0].BlockedPages);
    }

    private static DocumentEstimate Document(string fileName, DateTimeOffset createdAt) =>
        EstimateStoreContract.SampleDocument() with { FileName = fileName, CreatedAt = createdAt, CompletedAt = createdAt.AddSeconds(5) };

    private static async Task<DocumentEstimate> SaveAsync(IEstimateStore store, DocumentEstimate document)
    {
        await store.SaveAsync(document, null, Token);
        return document;
    }
}
