using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Storage;
using TimeVision.Testing.FakeOpenAI;

namespace TimeVision.Core.Tests.Storage;

/// <summary>What every <see cref="IEstimateStore"/> must do; each implementation's test class runs these.</summary>
public abstract class EstimateStoreContract
{
    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    protected abstract Task<IEstimateStore> CreateStoreAsync();

    [Fact]
    public async Task A_saved_document_reads_back_with_a_concurrency_token()
    {
        var store = await CreateStoreAsync();
        var document = SampleDocument();

        var token = await store.SaveAsync(document, ifMatch: null, Token);
        var read = await store.GetAsync(document.Id, Token);

        Assert.NotNull(read);
        Assert.Equal(token, read.ETag);
        Assert.Equal(document.TotalEstimatedMinutes, read.TotalEstimatedMinutes);
        Assert.Equal(document.Pages[0].Result!.Estimate!.Breakdown, read.Pages[0].Result!.Estimate!.Breakdown);
        Assert.Equal(document.CreatedAt, read.CreatedAt);
    }

    [Fact]
    public async Task An_unknown_document_is_null()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.GetAsync(new string('a', 64), Token));
    }

    [Fact]
    public async Task A_write_with_a_stale_token_is_refused_and_changes_nothing()
    {
        var store = await CreateStoreAsync();
        var document = SampleDocument();
        var first = await store.SaveAsync(document, null, Token);
        await store.SaveAsync(document with { FileName = "second writer.pdf" }, first, Token);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(document with { FileName = "late writer.pdf" }, first, Token));

        Assert.Equal("second writer.pdf", (await store.GetAsync(document.Id, Token))!.FileName);
    }

    [Fact]
    public async Task Only_documents_with_feedback_are_listed_as_labelled()
    {
        var store = await CreateStoreAsync();
        var labelled = SampleDocument() with
        {
            Feedback = [new ShopFeedback { ActualMinutes = 3, Source = FeedbackSource.Actual }],
        };
        var unlabelled = SampleDocument();
        await store.SaveAsync(labelled, null, Token);
        await store.SaveAsync(unlabelled, null, Token);

        var listed = new List<string>();
        await foreach (var id in store.ListLabelledAsync(Token))
        {
            listed.Add(id);
        }

        Assert.Equal([labelled.Id], listed);
    }

    [Fact]
    public async Task A_labelled_documents_version_stays_until_it_is_saved_again_and_then_changes()
    {
        var store = await CreateStoreAsync();
        var label = new ShopFeedback { ActualMinutes = 3, Source = FeedbackSource.Actual };
        var labelled = SampleDocument() with { Feedback = [label] };
        await store.SaveAsync(labelled, null, Token);
        await store.SaveAsync(SampleDocument(), null, Token);

        var first = await VersionsAsync(store);
        var unchanged = await VersionsAsync(store);
        await store.SaveAsync(labelled with { Feedback = [label, label with { ActualMinutes = 4 }] }, null, Token);
        var relabelled = await VersionsAsync(store);

        Assert.Equal([labelled.Id], first.Select(v => v.DocumentId));
        Assert.Equal(first, unchanged);
        Assert.Equal([labelled.Id], relabelled.Select(v => v.DocumentId));
        Assert.NotEqual(first[0].Version, relabelled[0].Version);
    }

    private static async Task<List<LabelVersion>> VersionsAsync(IEstimateStore store)
    {
        var versions = new List<LabelVersion>();
        await foreach (var version in store.ListLabelVersionsAsync(Token))
        {
            versions.Add(version);
        }

        return versions;
    }

    [Fact]
    public async Task A_page_result_is_found_by_page_model_and_prompt_only()
    {
        var store = await CreateStoreAsync();
        var document = SampleDocument();
        var result = document.Pages[0].Result!;

        await store.SavePageResultAsync(document.Id, 1, result, Token);

        Assert.Equal(result.Estimate!.EstimatedTimeMin, (await store.GetPageResultAsync(document.Id, 1, result.Model, result.PromptHash, Token))!.Estimate!.EstimatedTimeMin);
        Assert.Null(await store.GetPageResultAsync(document.Id, 2, result.Model, result.PromptHash, Token));
        Assert.Null(await store.GetPageResultAsync(document.Id, 1, "gpt-4.1", result.PromptHash, Token));
        Assert.Null(await store.GetPageResultAsync(document.Id, 1, result.Model, new string('0', 64), Token));
    }

    internal static DocumentEstimate SampleDocument()
    {
        var estimate = EstimateReader.Read(SampleEstimates.ShaftJson()).Estimate!;
        var result = new PageEstimateResult
        {
            Status = PageEstimateStatus.Completed,
            Estimate = estimate,
            Model = "gpt-4o-2024-08-06",
            Provider = "openai",
            PromptId = "base",
            PromptVersion = "1.0.0",
            PromptHash = new string('c', 64),
            Detail = "high",
            Attempts = 1,
            InputTokens = 1105,
            OutputTokens = 300,
            LatencyMs = 1200,
            ImageBytesSent = 180_000,
            ImageWidthPx = 2048,
            ImageHeightPx = 1448,
            Warnings = [],
        };
        var pages = new[] { new DocumentPage(1, PageEstimateStatus.Completed, TimeVision.Core.Storage.BlobReference.Page("doc", 1), null, result) };
        var (parts, total, models, status) = DocumentAggregator.Aggregate(pages);
        return new DocumentEstimate
        {
            Id = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()),
            FileName = "odri-motor-shaft.pdf",
            Source = DocumentSource.Cli,
            Status = status,
            PageCount = 1,
            Pages = pages,
            Parts = parts,
            TotalEstimatedMinutes = total,
            Models = models,
            CreatedAt = new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero),
            CompletedAt = new DateTimeOffset(2026, 11, 27, 8, 0, 5, TimeSpan.Zero),
        };
    }
}
