using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Storage;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Pipeline;

/// <summary>A worker downloads each document's PDF once, keeps copies within its budget, and never removes one in use.</summary>
public sealed class PdfCacheTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly LocalBlobStore _blobs;

    public PdfCacheTests() => _blobs = new LocalBlobStore(_folder.Path);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Activities_of_one_document_share_one_download()
    {
        var pdf = await StoreAsync("a", bytes: 1000);
        using var cache = Cache(budget: 1_000_000);

        var leases = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => cache.AcquireAsync("a", pdf, Token)));
        var again = await cache.AcquireAsync("a", pdf, Token);

        Assert.Equal(1, cache.Downloads);
        Assert.Single(leases.Select(l => l.Path).Append(again.Path).Distinct());
        Assert.Equal(1000, new FileInfo(again.Path).Length);
        foreach (var lease in leases.Append(again))
        {
            lease.Dispose();
        }
    }

    [Fact]
    public async Task Over_budget_the_least_recently_used_copy_goes_first_and_a_copy_in_use_stays()
    {
        var (a, b, c) = (await StoreAsync("a", 600), await StoreAsync("b", 600), await StoreAsync("c", 600));
        using var cache = Cache(budget: 1300);
        string pathA, pathB;
        using (var leaseA = await cache.AcquireAsync("a", a, Token))
        {
            pathA = leaseA.Path;
        }

        using var heldB = await cache.AcquireAsync("b", b, Token);
        pathB = heldB.Path;
        using (await cache.AcquireAsync("c", c, Token))
        {
        }

        Assert.False(File.Exists(pathA)); // least recently used, not in use
        Assert.True(File.Exists(pathB)); // still leased
        Assert.Equal(1200, cache.Bytes);
        using var secondA = await cache.AcquireAsync("a", a, Token);
        Assert.Equal(4, cache.Downloads); // a came back: downloaded again
    }

    [Fact]
    public async Task A_missing_pdf_fails_the_lease_and_is_tried_again_next_time()
    {
        using var cache = Cache(budget: 1_000_000);
        var missing = BlobReference.Drawing(new string('e', 64));

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.AcquireAsync("e", missing, Token));
        Assert.Empty(Directory.Exists(cache.Folder) ? Directory.GetFiles(cache.Folder) : []); // nothing half-downloaded is left behind
        await using (var content = new MemoryStream(new byte[10]))
        {
            await _blobs.UploadAsync(missing, content, Token);
        }

        using var lease = await cache.AcquireAsync("e", missing, Token);
        Assert.Equal(2, cache.Downloads);
        Assert.Equal(10, new FileInfo(lease.Path).Length);
    }

    private PdfCache Cache(long budget) => new(_blobs, new StaticOptions(new PipelineOptions { PdfCacheBytes = budget }));

    private async Task<BlobReference> StoreAsync(string name, int bytes)
    {
        var blob = BlobReference.Drawing(new string(name[0], 64));
        await using var content = new MemoryStream(new byte[bytes]);
        await _blobs.UploadAsync(blob, content, Token);
        return blob;
    }

    private sealed class StaticOptions(PipelineOptions value) : IOptionsMonitor<PipelineOptions>
    {
        public PipelineOptions CurrentValue => value;

        public PipelineOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<PipelineOptions, string?> listener) => null;
    }
}
