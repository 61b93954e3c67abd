using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Estimating.Rendering;
using TimeVision.Core.Storage;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing;
using TimeVision.Testing.FakeOpenAI;

namespace TimeVision.Core.Tests.Pipeline;

/// <summary>Each page is rendered once, at the size the model is sent, and the model gets the stored image itself.</summary>
public sealed class PageImageTests : FakeOpenAITestBase
{
    [Fact]
    public async Task The_stored_page_is_the_models_image_and_is_sent_as_stored()
    {
        using var services = Services();
        var (documentId, page) = await UploadAsync(services, RepositoryPaths.Sample("odri-motor-shaft.pdf"));
        var pipeline = services.Get<DocumentPipeline>();
        Server.Enqueue(new FakeReply.Content(SampleEstimates.ShaftJson()));

        var reference = await pipeline.RenderPageAsync(new RenderPageRequest(documentId, BlobReference.Drawing(documentId), page), Token);
        var stored = await DownloadAsync(services, reference.Image!);
        var result = await pipeline.EstimatePageAsync(new EstimatePageRequest(documentId, 1, reference.Image!, ModelId.Default, Force: false, reference.Facts), Token);

        var image = PngImage.Decode(stored);
        Assert.Equal((2048, 1448, true), (image.Width, image.Height, image.IsGrayscale));
        var sent = Assert.Single(Server.Requests);
        Assert.Equal((2048, 1448, stored.Length), (sent.ImageWidth, sent.ImageHeight, sent.ImageBytes));
        Assert.Equal(stored.Length, result.ImageBytesSent);
    }

    [Fact]
    public async Task A_model_configured_for_larger_images_gets_pages_stored_that_large_and_the_others_a_downscale()
    {
        using var services = Services(("Vision:Models:gpt-4.1:MaxImageLongSidePx", "3000"));
        var (documentId, page) = await UploadAsync(services, RepositoryPaths.Sample("odri-motor-shaft.pdf"));
        var pipeline = services.Get<DocumentPipeline>();
        Server.Enqueue(new FakeReply.Content(SampleEstimates.ShaftJson()));

        var reference = await pipeline.RenderPageAsync(new RenderPageRequest(documentId, BlobReference.Drawing(documentId), page), Token);
        var stored = PngImage.Decode(await DownloadAsync(services, reference.Image!));
        await pipeline.EstimatePageAsync(new EstimatePageRequest(documentId, 1, reference.Image!, ModelId.Default, Force: false), Token);

        Assert.Equal((3000, 2121), (stored.Width, stored.Height));
        Assert.Equal((2048, 1448), (Server.Requests[0].ImageWidth, Server.Requests[0].ImageHeight));
    }

    [Fact]
    public async Task A_sheet_too_large_for_the_render_limits_is_still_page_too_large()
    {
        using var services = Services();
        var pdf = Folder.Write("banner.pdf", TestPdfs.WithPages(1, widthMm: 5000, heightMm: 300));
        var (documentId, page) = await UploadAsync(services, pdf);

        var reference = await services.Get<DocumentPipeline>().RenderPageAsync(new RenderPageRequest(documentId, BlobReference.Drawing(documentId), page), Token);

        Assert.Equal(RenderErrorCode.PageTooLarge, reference.Error?.Code);
        Assert.Null(reference.Image);
    }

    private ServiceProvider Services(params (string Key, string Value)[] settings) => CoreServices.Create(
    [
        ("Storage:DataDirectory", Folder.Path),
        .. ServerSettings,
        .. settings,
    ]);

    private static async Task<(string DocumentId, PdfPageInfo Page)> UploadAsync(IServiceProvider services, string pdf)
    {
        var documentId = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(pdf, Token)));
        await using (var file = File.OpenRead(pdf))
        {
            await services.Get<IBlobStore>().UploadAsync(BlobReference.Drawing(documentId), file, Token);
        }

        var inspection = await services.Get<IPdfInspector>().InspectAsync(pdf, Token);
        Assert.True(inspection.Succeeded, inspection.Error?.Message);
        return (documentId, inspection.Value.Pages[0]);
    }

    private static async Task<byte[]> DownloadAsync(IServiceProvider services, BlobReference reference)
    {
        using var png = new MemoryStream();
        Assert.True(await services.Get<IBlobStore>().DownloadToAsync(reference, png, Token));
        return png.ToArray();
    }
}
