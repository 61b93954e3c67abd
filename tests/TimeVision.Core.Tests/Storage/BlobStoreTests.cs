using Azure;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
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

    [Fact]
    public async Task Storage_unreachable_at_the_first_use_of_a_container_fails_that_call_only()
    {
        // The first request this store sends (creating the container) fails as an unreachable endpoint fails; no retries.
        using var transport = new HttpClient(new FailFirstRequest());
        var store = new AzureBlobStore(new BlobServiceClient(azurite.ConnectionString, new BlobClientOptions
        {
            Retry = { MaxRetries = 0 },
            Transport = new HttpClientTransport(transport),
        }));
        var blob = BlobReference.Page($"doc{Guid.NewGuid():N}", 1);
        var bytes = TestPdfs.RandomBytes(1000, seed: 5);

        var unreachable = await Assert.ThrowsAsync<RequestFailedException>(() => store.UploadAsync(blob, new MemoryStream(bytes), Token));
        await store.UploadAsync(blob, new MemoryStream(bytes), Token);
        using var read = new MemoryStream();

        Assert.Equal(0, unreachable.Status); // no answer at all
        Assert.True(await store.DownloadToAsync(blob, read, Token));
        Assert.Equal(bytes, read.ToArray());
    }

    /// <summary>Refuses the first request as an endpoint that is down would, and sends the rest.</summary>
    private sealed class FailFirstRequest() : DelegatingHandler(new HttpClientHandler())
    {
        private int _requests;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _requests) == 1
                ? throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (injected by the test)")
                : base.SendAsync(request, cancellationToken);
    }
}
