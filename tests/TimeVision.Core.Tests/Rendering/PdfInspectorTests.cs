using TimeVision.Core.Estimating.Rendering;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Rendering;

public sealed class PdfInspectorTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Reads_the_page_count_and_size_of_a_real_drawing()
    {
        using var services = CoreServices.Create();

        var result = await services.Get<IPdfInspector>().InspectAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), Token);

        Assert.True(result.Succeeded, result.Error?.Message);
        var page = Assert.Single(result.Value.Pages);
        Assert.Equal(297, page.DisplayWidthMm, tolerance: 0.5);
        Assert.Equal(210, page.DisplayHeightMm, tolerance: 0.5);
    }

    [Fact]
    public async Task Reads_every_page_of_a_generated_multi_page_pdf()
    {
        var pdf = _folder.Write("three.pdf", TestPdfs.WithPages(3, widthMm: 210, heightMm: 297));
        using var services = CoreServices.Create();

        var result = await services.Get<IPdfInspector>().InspectAsync(pdf, Token);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal([1, 2, 3], result.Value.Pages.Select(p => p.Number));
        Assert.All(result.Value.Pages, p => Assert.Equal(210, p.DisplayWidthMm, tolerance: 0.5));
    }

    public static TheoryData<string, byte[], RenderErrorCode> BadInputs => new()
    {
        { "random bytes", TestPdfs.RandomBytes(), RenderErrorCode.NotPdf },
        { "an empty file", Array.Empty<byte>(), RenderErrorCode.NotPdf },
        { "a PNG renamed to .pdf", new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 }, RenderErrorCode.NotPdf },
        { "a password-protected PDF", TestPdfs.Encrypted(), RenderErrorCode.Encrypted },
        { "a PDF truncated to half", TestPdfs.Truncated(File.ReadAllBytes(RepositoryPaths.Sample("odri-motor-shaft.pdf"))), RenderErrorCode.Corrupt },
        { "a PDF header followed by garbage", TestPdfs.HeaderThenGarbage(), RenderErrorCode.Corrupt },
        { "a PDF with an empty page tree", TestPdfs.ZeroPages(), RenderErrorCode.NoPages },
        { "a PDF of 51 pages", TestPdfs.WithPages(51), RenderErrorCode.TooManyPages },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_gets_its_specific_error_code(string description, byte[] bytes, RenderErrorCode expected)
    {
        var pdf = _folder.Write("input.pdf", bytes);
        using var services = CoreServices.Create();

        var result = await services.Get<IPdfInspector>().InspectAsync(pdf, Token);

        Assert.False(result.Succeeded, $"{description} was accepted.");
        Assert.Equal(expected, result.Error.Code);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
    }

    [Fact]
    public async Task Not_pdf_says_what_the_file_looks_like()
    {
        var pdf = _folder.Write("photo.pdf", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]);
        using var services = CoreServices.Create();

        var result = await services.Get<IPdfInspector>().InspectAsync(pdf, Token);

        Assert.Equal(RenderErrorCode.NotPdf, result.Error?.Code);
        Assert.Contains("JPEG", result.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_cap_is_configurable()
    {
        var pdf = _folder.Write("many.pdf", TestPdfs.WithPages(51));
        using var services = CoreServices.Create(("Rendering:MaxPages", "60"));

        var result = await services.Get<IPdfInspector>().InspectAsync(pdf, Token);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(51, result.Value.PageCount);
    }

    [Fact]
    public async Task A_missing_poppler_is_reported_with_how_to_install_it()
    {
        using var services = CoreServices.Create(("Rendering:PopplerDirectory", _folder.Path));

        var result = await services.Get<IPdfInspector>().InspectAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), Token);

        Assert.Equal(RenderErrorCode.RendererMissing, result.Error?.Code);
        Assert.Contains("apt-get install poppler-utils", result.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_inspection_that_runs_over_its_time_is_stopped_and_reported()
    {
        using var services = CoreServices.Create(("Rendering:InspectTimeout", "00:00:00.001"));

        var result = await services.Get<IPdfInspector>().InspectAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), Token);

        Assert.Equal(RenderErrorCode.RenderTimeout, result.Error?.Code);
    }
}
