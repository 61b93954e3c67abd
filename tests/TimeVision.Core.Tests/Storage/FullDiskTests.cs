using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Storage;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Storage;

/// <summary>
/// A full disk: the local stores fail with an error <see cref="StorageFull"/> recognises (the API's <c>507 storage_full</c>)
/// and leave nothing cut off behind, no <c>.partial</c> file and no half a page image; what was stored before stays whole.
/// </summary>
public sealed class FullDiskTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_operating_systems_no_space_error_is_storage_full_and_a_missing_file_is_not()
    {
        Assert.SkipUnless(NearlyFullDisk.IsAvailable, "needs /dev/full (Linux)");
        await using var full = new FileStream("/dev/full", FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1);

        var noSpace = await Assert.ThrowsAnyAsync<IOException>(async () =>
        {
            await full.WriteAsync(new byte[64], Token);
            await full.FlushAsync(Token);
        });

        Assert.True(StorageFull.Is(noSpace));
        Assert.False(StorageFull.Is(new FileNotFoundException("gone")));
        Assert.False(StorageFull.Is(new IOException("other")));
    }

    [Fact]
    public async Task A_page_image_that_does_not_fit_leaves_no_partial_file_and_the_next_one_fits_once_space_is_freed()
    {
        Assert.SkipUnless(NearlyFullDisk.IsAvailable, "needs /dev/full (Linux)");
        var image = BlobReference.Page(new string('a', 64), 1);
        var png = new byte[256 * 1024];
        Random.Shared.NextBytes(png);

        var failure = await Assert.ThrowsAnyAsync<IOException>(
            () => new LocalBlobStore(_folder.Path, new NearlyFullDisk(100_000).Create).UploadAsync(image, new MemoryStream(png), Token));
        var leftAfterFailure = Directory.GetFiles(_folder.Path, "*", SearchOption.AllDirectories);
        var store = new LocalBlobStore(_folder.Path);
        await store.UploadAsync(image, new MemoryStream(png), Token);
        var read = new MemoryStream();
        await store.DownloadToAsync(image, read, Token);

        Assert.True(StorageFull.Is(failure));
        Assert.Empty(leftAfterFailure);
        Assert.Equal(png, read.ToArray());
    }

    [Fact]
    public async Task A_document_that_does_not_fit_keeps_the_stored_one_whole_and_leaves_no_partial_file()
    {
        Assert.SkipUnless(NearlyFullDisk.IsAvailable, "needs /dev/full (Linux)");
        var document = EstimateStoreContract.SampleDocument();
        var stored = await new LocalEstimateStore(_folder.Path).SaveAsync(document, null, Token);

        var failure = await Assert.ThrowsAnyAsync<IOException>(() => new LocalEstimateStore(_folder.Path, new NearlyFullDisk(200).Create)
            .SaveAsync(document with { FileName = new string('x', 10_000) + ".pdf" }, stored, Token));

        Assert.True(StorageFull.Is(failure));
        Assert.Empty(Directory.GetFiles(_folder.Path, "*.partial", SearchOption.AllDirectories));
        Assert.Equal(document.FileName, (await new LocalEstimateStore(_folder.Path).GetAsync(document.Id, Token))!.FileName);
    }
}
