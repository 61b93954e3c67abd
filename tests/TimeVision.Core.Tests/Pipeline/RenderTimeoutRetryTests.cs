using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Estimating.Rendering;
using TimeVision.Core.Storage;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Pipeline;

/// <summary>
/// A page whose render is stopped for time (a "bomb") is retried once; stopped again, it is final, so the retry sweep
/// stops spending CPU on it. Forcing the document gives it its chances anew.
/// </summary>
public sealed class RenderTimeoutRetryTests : IDisposable
{
    private static readonly string DocumentId = new('b', 64);
    private readonly TempFolder _folder = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_render_timeout_is_retryable_after_the_first_run_and_final_after_the_retry()
    {
        using var services = CoreServices.Create(("Storage:DataDirectory", _folder.Path));
        var pipeline = services.Get<DocumentPipeline>();
        var store = services.Get<IEstimateStore>();

        await pipeline.SaveAsync(TimedOut(retryPages: null), Token);
        var afterFirst = await store.GetAsync(DocumentId, Token);
        var listedAfterFirst = await store.ListRetryableAsync(Token).ToListAsync(Token);
        await pipeline.SaveAsync(TimedOut(retryPages: [1]), Token);
        var afterRetry = await store.GetAsync(DocumentId, Token);
        var listedAfterRetry = await store.ListRetryableAsync(Token).ToListAsync(Token);

        Assert.Equal([1], afterFirst!.RetryablePages);
        Assert.Equal([DocumentId], listedAfterFirst);
        Assert.Empty(afterRetry!.RetryablePages);
        Assert.Empty(listedAfterRetry);
        Assert.Equal((RenderErrorCode.RenderTimeout, 2), (afterRetry.Pages[0].RenderError!.Code, afterRetry.Pages[0].RenderError!.Runs));
    }

    [Fact]
    public async Task A_forced_run_starts_the_count_anew()
    {
        using var services = CoreServices.Create(("Storage:DataDirectory", _folder.Path));
        var pipeline = services.Get<DocumentPipeline>();

        await pipeline.SaveAsync(TimedOut(retryPages: null), Token);
        await pipeline.SaveAsync(TimedOut(retryPages: [1]), Token);
        await pipeline.SaveAsync(TimedOut(retryPages: null), Token);

        Assert.Equal([1], (await services.Get<IEstimateStore>().GetAsync(DocumentId, Token))!.RetryablePages);
    }

    private static SaveDocumentRequest TimedOut(IReadOnlyList<int>? retryPages) => new(
        new EstimateDocumentRequest(
            DocumentId, BlobReference.Drawing(DocumentId), "bomb.pdf", DocumentSource.Cli, ModelId.Parse("gpt-4.1"), 4, 1, TimeSpan.FromSeconds(1), Force: retryPages is null, RetryPages: retryPages),
        new InspectionOutcome([new PdfPageInfo(1, 595, 842, 0)], null),
        [new PageOutcome(new RenderedPageReference(1, null, new RenderError(RenderErrorCode.RenderTimeout, "Poppler was stopped after 60 s.")), null)],
        DateTimeOffset.UnixEpoch);
}
