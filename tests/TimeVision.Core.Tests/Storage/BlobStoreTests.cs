using TimeVision.Core.Storage;
using TimeVision.Core.Tests.LocalServices;
using TimeVision.Testing;
using TimeVision.Testing.LocalServices;

namespace TimeVision.Core.Tests.Storage;

/// <summary>What every <see cref="IBlobStore"/> must do.</summary>
public abstract class BlobStoreContract
{
    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    protected abstract IBlobStore Store { get; }

    [Fact]
    public async Task A_page_image_round_trips_and_overwrites()
    {
        var blob = BlobReference.Page($"doc{Guid.NewGuid():N}", 3);
        var bytes = TestPdfs.RandomBytes(200_000, seed: 3);

        await Store.UploadAsync(blob, new MemoryStream(TestPdfs.RandomBytes(10)), Token);
        await Store.UploadAsync(blob, new MemoryStream(bytes), Token);
        using var read = new MemoryStream();
        var found = await Store.DownloadToAsync(blob, read, Token);

        Assert.True(found);
        Assert.Equal(bytes, read.ToArray());
        Assert.True(await Store.ExistsAsync(blob, Token));
        Assert.EndsWith("/page-003.png", blob.Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_blob_is_reported_not_thrown()
    {
        var blob = BlobReference.Drawing($"missing{Guid.NewGuid():N}");

        Assert.False(await Store.DownloadToAsync(blob, Stream.Null, Token));
        Assert.False(await Store.ExistsAsync(blob, Token));
    }
}

public sealed class LocalBlobStoreTests : BlobStoreContract, IDisposable
{
    private readonly TempFolder _folder = new();

    public LocalBlobStoreTests() => Store = new LocalBlobStore(_folder.Path);

    protected override IBlobStore Store { get; }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_name_cannot_escape_the_data_folder() =>
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ExistsAsync(new BlobReference("pages", "../../etc/passwd"), Token));
}

[Collection(LocalServicesGroup.Name)]
public sealed class AzureBlobStoreTests(AzuriteFixture azurite) : BlobStoreContract
{
    protected override IBlobStore Store { get; } = new AzureBlobStore(azurite.Blobs);
}
