using SkiaSharp;
using TimeVision.Core.Estimating.Rendering;
using TimeVision.Core.Estimating.Vision;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Rendering;

public sealed class PageRendererTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Renders_a_drawing_page_to_a_grayscale_png_at_300_dpi()
    {
        using var services = CoreServices.Create();
        var (page, pdf) = await FirstPageAsync(services, RepositoryPaths.Sample("odri-motor-shaft.pdf"));

        var (result, png) = await RenderAsync(services, pdf, page);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(new RenderedPage(1, 3507, 2480, 300, Grayscale: true, png.LongLength), result.Value);
        var image = PngImage.Decode(png);
        Assert.Equal((3507, 2480, true), (image.Width, image.Height, image.IsGrayscale));
        Assert.InRange(image.DarkPixelShare, 0.001, 0.5);
    }

    [Fact]
    public async Task Renders_rgb_when_grayscale_is_off()
    {
        using var services = CoreServices.Create(("Rendering:Grayscale", "false"));
        var (page, pdf) = await FirstPageAsync(services, RepositoryPaths.Sample("odri-motor-shaft.pdf"));

        var (result, png) = await RenderAsync(services, pdf, page);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.False(result.Value.Grayscale);
        Assert.False(PngImage.Decode(png).IsGrayscale);
    }

    [Theory]
    [InlineData(90)]
    [InlineData(270)]
    public async Task A_turned_page_is_rendered_as_a_viewer_shows_it_and_undistorted(int rotation)
    {
        // A4 landscape in the file, turned to portrait by /Rotate: the frame around the drawing must stay a frame.
        var pdf = _folder.Write("turned.pdf", TestPdfs.Rotated(297, 210, rotation));
        using var services = CoreServices.Create();
        var (page, _) = await FirstPageAsync(services, pdf);

        var (result, png) = await RenderAsync(services, pdf, page);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal((2480, 3507), (result.Value.WidthPx, result.Value.HeightPx));
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal((2480, 3507), (bitmap.Width, bitmap.Height));
        Assert.True(HasDarkColumnNear(bitmap, 0.05) && HasDarkColumnNear(bitmap, 0.95), "the frame's left and right sides are not where a viewer shows them");
        Assert.True(HasDarkRowNear(bitmap, 0.05) && HasDarkRowNear(bitmap, 0.95), "the frame's top and bottom sides are not where a viewer shows them");
    }

    [Fact]
    public async Task The_same_page_and_settings_give_the_same_bytes()
    {
        using var services = CoreServices.Create();
        var (page, pdf) = await FirstPageAsync(services, RepositoryPaths.Sample("edocr-adapterplatte.pdf"));

        var (_, first) = await RenderAsync(services, pdf, page);
        var (_, second) = await RenderAsync(services, pdf, page);

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task A_page_asked_for_at_a_smaller_long_side_is_rendered_at_that_size_directly()
    {
        using var services = CoreServices.Create();
        var (page, pdf) = await FirstPageAsync(services, RepositoryPaths.Sample("odri-motor-shaft.pdf"));
        using var png = new MemoryStream();

        var result = await services.Get<IPageRenderer>().RenderPageAsync(pdf, page, 2048, png, Token);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(new RenderedPage(1, 2048, 1448, 175.19, Grayscale: true, png.Length), result.Value);
        var image = PngImage.Decode(png.ToArray());
        Assert.Equal((2048, 1448, true), (image.Width, image.Height, image.IsGrayscale));
        Assert.InRange(image.DarkPixelShare, 0.001, 0.5);
    }

    [Fact]
    public async Task A_page_asked_for_at_a_larger_long_side_than_its_frame_is_rendered_at_its_frame()
    {
        using var services = CoreServices.Create();
        var (page, pdf) = await FirstPageAsync(services, RepositoryPaths.Sample("odri-motor-shaft.pdf"));
        using var png = new MemoryStream();

        var result = await services.Get<IPageRenderer>().RenderPageAsync(pdf, page, 8192, png, Token);

        Assert.Equal((3507, 2480, 300.0), (result.Value?.WidthPx, result.Value?.HeightPx, result.Value?.Dpi));
    }

    [Fact]
    public async Task A_page_beyond_the_pixel_budget_is_page_too_large_at_any_asked_size()
    {
        var pdf = _folder.Write("banner.pdf", TestPdfs.WithPages(1, widthMm: 5000, heightMm: 300));
        using var services = CoreServices.Create();
        var (page, _) = await FirstPageAsync(services, pdf);

        var result = await services.Get<IPageRenderer>().RenderPageAsync(pdf, page, 2048, Stream.Null, Token);

        Assert.Equal(RenderErrorCode.PageTooLarge, result.Error?.Code);
    }

    [Fact]
    public async Task The_dpi_and_pixel_cap_are_configurable()
    {
        using var services = CoreServices.Create(("Rendering:Dpi", "100"), ("Rendering:MaxLongSidePx", "1500"));
        var (page, pdf) = await FirstPageAsync(services, RepositoryPaths.Sample("edocr-adapterplatte.pdf"));

        var (result, png) = await RenderAsync(services, pdf, page);

        Assert.True(result.Succeeded, result.Error?.Message);
        var image = PngImage.Decode(png);
        Assert.Equal(1500, image.Width);
        Assert.Equal(1060, image.Height);
        Assert.Equal(90.71, result.Value.Dpi, precision: 2);
    }

    [Fact]
    public async Task A_page_beyond_the_pixel_budget_even_at_the_minimum_dpi_is_page_too_large()
    {
        var pdf = _folder.Write("banner.pdf", TestPdfs.WithPages(1, widthMm: 5000, heightMm: 300));
        using var services = CoreServices.Create();
        var (page, _) = await FirstPageAsync(services, pdf);

        var (result, png) = await RenderAsync(services, pdf, page);

        Assert.Equal(RenderErrorCode.PageTooLarge, result.Error?.Code);
        Assert.Empty(png);
    }

    [Fact]
    public async Task A_render_that_runs_over_its_time_is_killed_and_reported()
    {
        // A private copy, so the check for a surviving Poppler process cannot see another test's process.
        var pdf = _folder.Write("slow.pdf", File.ReadAllBytes(RepositoryPaths.Sample("edocr-adapterplatte.pdf")));
        using var services = CoreServices.Create(("Rendering:PageTimeout", "00:00:00.050"));
        var (page, _) = await FirstPageAsync(services, pdf);

        var (result, _) = await RenderAsync(services, pdf, page);

        Assert.Equal(RenderErrorCode.RenderTimeout, result.Error?.Code);
        Assert.Contains("Rendering:PageTimeout", result.Error?.Message, StringComparison.Ordinal);
        Assert.Empty(RunningProcessesFor(pdf));
    }

    [Fact]
    public async Task A_missing_renderer_is_reported_not_thrown()
    {
        using var services = CoreServices.Create(("Rendering:PopplerDirectory", _folder.Path));

        var (result, _) = await RenderAsync(services, RepositoryPaths.Sample("odri-motor-shaft.pdf"), new PdfPageInfo(1, 842, 595, 0));

        Assert.Equal(RenderErrorCode.RendererMissing, result.Error?.Code);
    }

    [Fact]
    public async Task Cancelling_stops_the_render()
    {
        using var services = CoreServices.Create();
        var pdf = RepositoryPaths.Sample("edocr-adapterplatte.pdf");
        var (page, _) = await FirstPageAsync(services, pdf);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(20));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => services.Get<IPageRenderer>().RenderPageAsync(pdf, page, Stream.Null, cancellation.Token));
    }

    public static TheoryData<string> SharedDrawingNames => SharedDrawings.FileNames;

    [Theory]
    [MemberData(nameof(SharedDrawingNames))]
    public async Task Every_shared_drawing_renders_every_page_within_the_cap(string fileName)
    {
        var pdf = SharedDrawings.Require(fileName);
        var expected = DrawingCorpus.Describe(Path.GetDirectoryName(pdf)!, fileName);
        using var services = CoreServices.Create();

        // At the size an estimate renders every page to (what it stores and sends), not at the 300 DPI of `render`:
        // the 300 DPI path is the sample's test above, and a quarter of the pixels is all these checks need.
        var longSide = new VisionOptions().LargestImageLongSidePx();

        var inspection = await services.Get<IPdfInspector>().InspectAsync(pdf, Token);

        Assert.True(inspection.Succeeded, inspection.Error?.Message);
        Assert.Equal(expected.Pages, inspection.Value.PageCount);
        foreach (var page in inspection.Value.Pages)
        {
            Assert.Equal(expected.WidthMm, page.WidthPt * 25.4 / 72, tolerance: 1.5);
            Assert.Equal(expected.HeightMm, page.HeightPt * 25.4 / 72, tolerance: 1.5);

            var (result, png) = await RenderAsync(services, pdf, page, longSide);

            Assert.True(result.Succeeded, $"page {page.Number}: {result.Error?.Message}");
            var image = PngImage.Decode(png);
            Assert.InRange(Math.Max(image.Width, image.Height), 1000, 4096);
            Assert.InRange((long)image.Width * image.Height, 1, 4096L * 4096);
            Assert.True(image.DarkPixelShare > 0.001, $"page {page.Number} looks blank ({image.DarkPixelShare:P3} dark pixels).");
            if (page.Number == 1)
            {
                var (_, again) = await RenderAsync(services, pdf, page, longSide);
                Assert.Equal(png, again);
            }
        }
    }

    private static async Task<(PdfPageInfo Page, string Pdf)> FirstPageAsync(IServiceProvider services, string pdf)
    {
        var inspection = await services.Get<IPdfInspector>().InspectAsync(pdf, Token);
        Assert.True(inspection.Succeeded, inspection.Error?.Message);
        return (inspection.Value.Pages[0], pdf);
    }

    private static async Task<(RenderResult<RenderedPage> Result, byte[] Png)> RenderAsync(
        IServiceProvider services, string pdf, PdfPageInfo page, int maxLongSidePx = int.MaxValue)
    {
        using var png = new MemoryStream();
        var result = await services.Get<IPageRenderer>().RenderPageAsync(pdf, page, maxLongSidePx, png, Token);
        return (result, result.Succeeded ? png.ToArray() : []);
    }

    /// <summary>Whether a column within 1 % of <paramref name="fraction"/> of the width is dark over most of the height.</summary>
    private static bool HasDarkColumnNear(SKBitmap bitmap, double fraction) =>
        Band(bitmap.Width, fraction).Any(x => DarkShare(bitmap.Height, y => bitmap.GetPixel(x, y)) > 0.8);

    /// <summary>Whether a row within 1 % of <paramref name="fraction"/> of the height is dark over most of the width.</summary>
    private static bool HasDarkRowNear(SKBitmap bitmap, double fraction) =>
        Band(bitmap.Height, fraction).Any(y => DarkShare(bitmap.Width, x => bitmap.GetPixel(x, y)) > 0.8);

    private static IEnumerable<int> Band(int length, double fraction) =>
        Enumerable.Range((int)(length * (fraction - 0.01)), (int)(length * 0.02));

    /// <summary>The share of dark pixels along a line, leaving out its first and last tenth (the frame's corners).</summary>
    private static double DarkShare(int length, Func<int, SKColor> pixel)
    {
        var span = Enumerable.Range(length / 10, length * 8 / 10).ToList();
        return (double)span.Count(i => pixel(i).Red < 128) / span.Count;
    }

    private static List<int> RunningProcessesFor(string pdf) =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => int.TryParse(name, out _))
            .Where(pid =>
            {
                try
                {
                    return File.ReadAllText($"/proc/{pid}/cmdline").Contains(pdf, StringComparison.Ordinal);
                }
                catch (IOException)
                {
                    return false;
                }
                catch (UnauthorizedAccessException)
                {
                    return false;
                }
            })
            .Select(pid => int.Parse(pid!, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
}
