using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.Rendering;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Rendering.Poppler;

/// <summary>
/// Poppler reads PDFs from strangers: each of its processes gets an address-space limit, and when the worker runs as
/// root (as in the container) it runs as another user.
/// </summary>
public sealed class ChildProcessLimitsTests : IDisposable
{
    private const string Nobody = "65534:65534";
    private readonly TempFolder _folder = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_page_that_needs_more_memory_than_poppler_may_take_fails_typed_and_retryable()
    {
        // 4096 px on the long side in grayscale needs about 12 MB for the raster alone, plus Cairo's surfaces.
        using var services = CoreServices.Create(("Rendering:ChildMemoryLimitMb", "30"));
        var pdf = RepositoryPaths.Sample("edocr-adapterplatte.pdf");
        using var unlimited = CoreServices.Create();
        var page = await FirstPageAsync(unlimited, pdf);

        var result = await services.Get<IPageRenderer>().RenderPageAsync(pdf, page, Stream.Null, Token);

        Assert.False(result.Succeeded);
        Assert.Equal(RenderErrorCode.RenderOutOfMemory, result.Error!.Code);
        Assert.Contains("Rendering:ChildMemoryLimitMb", result.Error.Message, StringComparison.Ordinal);
        Assert.True(result.Error.Code.IsRetryable());
    }

    [Fact]
    public async Task The_default_limit_leaves_room_for_the_largest_page_the_frame_allows()
    {
        using var services = CoreServices.Create(("Rendering:MaxLongSidePx", "16384"), ("Rendering:MaxPixels", "268435456"), ("Rendering:Dpi", "1200"));
        var pdf = RepositoryPaths.Sample("edocr-adapterplatte.pdf");
        var page = await FirstPageAsync(services, pdf);

        var result = await services.Get<IPageRenderer>().RenderPageAsync(pdf, page, Stream.Null, Token);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.True(result.Value!.WidthPx * (long)result.Value.HeightPx > 100_000_000, $"{result.Value.WidthPx}×{result.Value.HeightPx}");
    }

    [Fact]
    public async Task As_root_poppler_runs_as_the_configured_user_and_still_renders_inspects_and_reads_text()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && Environment.IsPrivilegedProcess, "Dropping to another user needs Linux and root.");
        var pdf = _folder.Write("shaft.pdf", await File.ReadAllBytesAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), Token));
        using var services = CoreServices.Create(("Rendering:ChildUser", Nobody));

        var page = await FirstPageAsync(services, pdf);
        var render = await services.Get<IPageRenderer>().RenderPageAsync(pdf, page, Stream.Null, Token);
        var text = await services.Get<PopplerTextReader>().ReadAsync(pdf, 1, 1, Token);

        Assert.True(render.Succeeded, render.Error?.Message);
        Assert.NotEmpty(text);
        Assert.Equal("65534", await WhoRunsPopplerAsync(Nobody));
    }

    [Fact]
    public async Task Without_a_child_user_poppler_runs_as_this_process()
    {
        var expected = (await CliWrap.Buffered.BufferedCommandExtensions.ExecuteBufferedAsync(CliWrap.Cli.Wrap("id").WithArguments("-u"), Token)).StandardOutput.Trim();

        Assert.Equal(expected, await WhoRunsPopplerAsync(childUser: null));
    }

    private static async Task<PdfPageInfo> FirstPageAsync(IServiceProvider services, string pdf)
    {
        var inspection = await services.Get<IPdfInspector>().InspectAsync(pdf, Token);
        Assert.True(inspection.Succeeded, inspection.Error?.Message);
        return inspection.Value!.Pages[0];
    }

    /// <summary>
    /// The uid a Poppler tool runs as: a stand-in <c>pdftotext</c> (through <c>Rendering:PopplerDirectory</c>) that writes
    /// its own uid as the one word of its text layer, beside a stand-in <c>pdfinfo</c> giving the page's rotation.
    /// </summary>
    private async Task<string> WhoRunsPopplerAsync(string? childUser)
    {
        var tools = Directory.CreateDirectory(Path.Combine(_folder.Path, $"tools-{Guid.NewGuid():N}")).FullName;
        await WriteToolAsync(
            tools,
            "pdftotext",
            """
            #!/bin/sh
            cat <<EOF
            <html><body><doc><page width="100" height="100"><flow><block><line><word xMin="1" yMin="1" xMax="9" yMax="9">$(id -u)</word></line></block></flow></page></doc></body></html>
            EOF
            """);
        await WriteToolAsync(
            tools,
            "pdfinfo",
            """
            #!/bin/sh
            echo 'Page    1 size: 100 x 100 pts'
            echo 'Page    1 rot:   0'
            """);

        using var services = CoreServices.Create([("Rendering:PopplerDirectory", tools), .. childUser is null ? Array.Empty<(string, string)>() : [("Rendering:ChildUser", childUser)]]);

        var pages = await services.Get<PopplerTextReader>().ReadAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), null, null, Token);

        return Assert.Single(Assert.Single(pages).Lines.SelectMany(line => line.Words)).Text;
    }

    private static async Task WriteToolAsync(string folder, string name, string script)
    {
        var path = Path.Combine(folder, name);
        await File.WriteAllTextAsync(path, script, Token);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
    }
}
