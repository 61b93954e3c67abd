using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Listing;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Storage;
using TimeVision.Core.Tests.Storage;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Estimates.Listing;

/// <summary>The admin's purge: a deleted document's PDF, page image and facts go for good; its estimate and feedback stay.</summary>
public sealed class EstimatePurgeTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly LocalEstimateStore _store;
    private readonly LocalBlobStore _blobs;
    private readonly EstimatePurge _purge;

    public EstimatePurgeTests()
    {
        _store = new LocalEstimateStore(_folder.Path);
        _blobs = new LocalBlobStore(Path.Combine(_folder.Path, "blobs"));
        _purge = new EstimatePurge(_store, _blobs, TimeProvider.System);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_document_on_the_list_is_not_purged_and_keeps_its_files()
    {
        var (document, files) = await StoreAsync();

        Assert.Equal(PurgeOutcome.NotDeleted, await _purge.PurgeAsync(document.Id, Token));

        foreach (var file in files)
        {
            Assert.True(await _blobs.ExistsAsync(file, Token));
        }
    }

    [Fact]
    public async Task A_deleted_document_loses_its_pdf_image_and_facts_and_keeps_its_estimate_and_feedback()
    {
        var (document, files) = await StoreAsync();
        Assert.True(await new EstimateDeletion(_store, TimeProvider.System).DeleteAsync(document.Id, Token));

        Assert.Equal(PurgeOutcome.Purged, await _purge.PurgeAsync(document.Id, Token));

        foreach (var file in files)
        {
            Assert.False(await _blobs.ExistsAsync(file, Token));
        }

        var purged = await _store.GetAsync(document.Id, Token);
        Assert.NotNull(purged!.PurgedAt);
        Assert.Null(purged.Pdf);
        Assert.Equal(document.TotalEstimatedMinutes, purged.TotalEstimatedMinutes);
        Assert.Single(purged.Feedback!);
        Assert.Equal(PurgeOutcome.NotFound, await _purge.PurgeAsync(new string('f', 64), Token));
    }

    private async Task<(DocumentEstimate Document, BlobReference[] Files)> StoreAsync()
    {
        var sample = EstimateStoreContract.SampleDocument();
        var image = BlobReference.Page(sample.Id, 1);
        var facts = BlobReference.PageFacts(sample.Id, 1);
        var pdf = BlobReference.Drawing(sample.Id);
        var document = sample with
        {
            Pdf = pdf,
            Pages = [sample.Pages[0] with { Image = image, Facts = facts }],
            Feedback = [new ShopFeedback { ActualMinutes = 3, Source = FeedbackSource.Actual }],
        };
        BlobReference[] files = [pdf, image, facts];
        foreach (var file in files)
        {
            await _blobs.UploadAsync(file, new MemoryStream([1, 2, 3]), Token);
        }

        await _store.SaveAsync(document, null, Token);
        return (document, files);
    }
}
