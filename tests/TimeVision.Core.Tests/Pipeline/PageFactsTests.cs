using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Estimating.Rendering;
using TimeVision.Core.Storage;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing;
using TimeVision.Testing.FakeOpenAI;

namespace TimeVision.Core.Tests.Pipeline;

/// <summary>Reading a page's text layer never fails the page, running out of its own time included; the caller's cancellation still stops it.</summary>
public sealed class PageFactsTests : FakeOpenAITestBase
{
    private readonly CapturingLoggerProvider _logs = new();

    [Fact]
    public async Task A_text_layer_read_that_runs_out_of_time_leaves_the_page_without_facts_and_the_page_is_still_rendered_and_estimated()
    {
        using var services = Services(blobs: null, ("Rendering:TextLayerTimeout", "00:00:00.001"), ("Rendering:PopplerDirectory", ToolsWhosePdfToTextNeverAnswers()));
        var (documentId, page) = await UploadAsync(services, RepositoryPaths.Sample("odri-motor-shaft.pdf"));
        var pipeline = services.Get<DocumentPipeline>();
        Server.Enqueue(new FakeReply.Content(SampleEstimates.ShaftJson()));

        var rendered = await pipeline.RenderPageAsync(new RenderPageRequest(documentId, BlobReference.Drawing(documentId), page), Token);
        var result = await pipeline.EstimatePageAsync(
            new EstimatePageRequest(documentId, 1, rendered.Image!, ModelId.Default, Force: false, rendered.Facts), Token);

        Assert.Null(rendered.Error);
        Assert.NotNull(rendered.Image);
        var facts = await StoredFactsAsync(services, rendered.Facts!);
        Assert.Equal((false, RenderErrorCode.RenderTimeout), (facts.HasText, facts.ReadError!.Code));
        Assert.Equal([PageFacts.TextLayerUnreadable], facts.Flags);
        Assert.Equal(PageEstimateStatus.Completed, result.Status);
        var warning = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("Page 1: reading the text layer ran out of time", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_offline_estimate_of_a_page_whose_text_layer_could_not_be_read_says_so_not_that_it_is_a_scan()
    {
        using var services = Services(blobs: null, ("Rendering:TextLayerTimeout", "00:00:00.001"), ("Rendering:PopplerDirectory", ToolsWhosePdfToTextNeverAnswers()));
        var (documentId, page) = await UploadAsync(services, RepositoryPaths.Sample("odri-motor-shaft.pdf"));
        var pipeline = services.Get<DocumentPipeline>();

        var rendered = await pipeline.RenderPageAsync(new RenderPageRequest(documentId, BlobReference.Drawing(documentId), page), Token);
        var result = await pipeline.EstimatePageAsync(
            new EstimatePageRequest(documentId, 1, rendered.Image!, ModelId.Offline, Force: false, rendered.Facts), Token);

        Assert.Equal(PageEstimateStatus.Failed, result.Status);
        Assert.Equal(VisionErrorCode.TextLayerUnreadable, result.Error!.Code);
        Assert.Contains("could not be read (render_timeout", result.Error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("scan", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_time_enough_the_same_page_gets_its_facts()
    {
        using var services = Services(blobs: null);
        var (documentId, page) = await UploadAsync(services, RepositoryPaths.Sample("odri-motor-shaft.pdf"));

        var rendered = await services.Get<DocumentPipeline>().RenderPageAsync(new RenderPageRequest(documentId, BlobReference.Drawing(documentId), page), Token);

        Assert.NotNull(rendered.Facts);
        Assert.DoesNotContain(_logs.Entries, e => e.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task Cancelling_while_the_text_layer_is_read_cancels_the_page()
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var blobs = new CancelOnPageImage(new LocalBlobStore(Path.Combine(Folder.Path, "blobs")), cancellation);
        using var services = Services(blobs);
        var (documentId, page) = await UploadAsync(services, RepositoryPaths.Sample("odri-motor-shaft.pdf"));

        // The page image is stored, then the caller cancels: the next step is reading the text layer.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => services.Get<DocumentPipeline>()
            .RenderPageAsync(new RenderPageRequest(documentId, BlobReference.Drawing(documentId), page), cancellation.Token));

        Assert.True(blobs.Cancelled);
        Assert.DoesNotContain(_logs.Entries, e => e.Level == LogLevel.Warning);
    }

    /// <summary>
    /// A Poppler folder with the real tools, except a <c>pdftotext</c> that waits until it is stopped: the text layer's
    /// own time then runs out however fast the machine is (a real pdftotext once beat a 1 ms limit).
    /// </summary>
    private string ToolsWhosePdfToTextNeverAnswers()
    {
        var real = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .First(folder => File.Exists(Path.Combine(folder, "pdfinfo")));
        var tools = Directory.CreateDirectory(Path.Combine(Folder.Path, "tools")).FullName;
        foreach (var tool in Directory.EnumerateFiles(real, "pdf*").Where(tool => Path.GetFileName(tool) != "pdftotext"))
        {
            File.CreateSymbolicLink(Path.Combine(tools, Path.GetFileName(tool)), tool);
        }

        var script = Path.Combine(tools, "pdftotext");
        File.WriteAllText(script, "#!/bin/sh\nexec sleep 600\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        return tools;
    }

    private ServiceProvider Services(IBlobStore? blobs, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new[] { ("Storage:DataDirectory", Folder.Path) }
                .Concat(ServerSettings).Concat(settings).Select(s => new KeyValuePair<string, string?>(s.Item1, s.Item2)))
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(builder => builder.AddProvider(_logs));
        if (blobs is not null)
        {
            services.AddSingleton(blobs);
        }

        return services.AddTimeVisionCore().BuildServiceProvider();
    }

    private static async Task<PageFacts> StoredFactsAsync(IServiceProvider services, BlobReference reference)
    {
        using var json = new MemoryStream();
        Assert.True(await services.Get<IBlobStore>().DownloadToAsync(reference, json, Token));
        return System.Text.Json.JsonSerializer.Deserialize<PageFacts>(json.ToArray(), System.Text.Json.JsonSerializerOptions.Web)!;
    }

    private static async Task<(string DocumentId, PdfPageInfo Page)> UploadAsync(IServiceProvider services, string pdf)
    {
        var (documentId, _) = await services.Get<StoredDrawings>().StoreFileAsync(pdf, Token);
        var inspection = await services.Get<IPdfInspector>().InspectAsync(pdf, Token);
        Assert.True(inspection.Succeeded, inspection.Error?.Message);
        return (documentId, inspection.Value.Pages[0]);
    }

    /// <summary>Blob storage that cancels the caller's token once a page image is stored, just before the text layer is read.</summary>
    private sealed class CancelOnPageImage(IBlobStore inner, CancellationTokenSource cancellation) : IBlobStore
    {
        public bool Cancelled { get; private set; }

        public async Task UploadAsync(BlobReference blob, Stream content, CancellationToken cancellationToken)
        {
            await inner.UploadAsync(blob, content, cancellationToken);
            if (blob.Container == BlobReference.PagesContainer)
            {
                Cancelled = true;
                await cancellation.CancelAsync();
            }
        }

        public Task<bool> DownloadToAsync(BlobReference blob, Stream destination, CancellationToken cancellationToken) =>
            inner.DownloadToAsync(blob, destination, cancellationToken);

        public Task<bool> ExistsAsync(BlobReference blob, CancellationToken cancellationToken) => inner.ExistsAsync(blob, cancellationToken);
    }
}
