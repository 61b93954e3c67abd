using System.Diagnostics;
using System.Globalization;
using System.Text;
using CliWrap;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.Rendering.Png;

namespace TimeVision.Core.Estimating.Rendering.Poppler;

/// <summary>
/// Renders a page with Poppler's Cairo backend (<c>pdftocairo</c>) in a child process, which writes the raw pixels as an
/// uncompressed TIFF into a private temporary folder, and encodes the PNG in-process from it. The process gets a hard
/// timeout and is killed when it runs over or the caller cancels, so a hostile PDF can neither hang nor crash the host.
/// </summary>
/// <remarks>
/// Why Cairo and a file: on the shared drawings Poppler's Cairo backend rasterises in about two thirds of the time of its
/// Splash backend (<c>pdftoppm</c>), which put TimeVision at 1.4× PyMuPDF's time (see the rendering benchmark).
/// <c>pdftocairo</c> writes raw pixels only as TIFF, and TIFF needs a seekable file, not a pipe; the file lives in the
/// page cache and costs about 1 % of a page's time.
/// </remarks>
/// <param name="tools">Finds <c>pdftocairo</c>.</param>
/// <param name="options">DPI, caps, colour mode and timeout.</param>
/// <param name="logger">Logs each page's outcome.</param>
public sealed class PopplerPageRenderer(
    PopplerTools tools, IOptionsMonitor<RenderingOptions> options, ILogger<PopplerPageRenderer> logger) : IPageRenderer
{
    private const int StderrLimit = 16 * 1024;
    private const int PixelReadBufferSize = 1024 * 1024;

    /// <summary>
    /// Asks glibc's malloc (2.35 and later) for transparent huge pages where the kernel offers them on request
    /// (<c>madvise</c>): Cairo's page-sized pixel buffer then takes a few hundred page faults instead of tens of
    /// thousands, about a fifth of a page's time on the benchmark machine. Ignored by other C libraries and kernels.
    /// </summary>
    private const string HugePagesTunable = "glibc.malloc.hugetlb=1";

    /// <summary>Takes a page's raw pixel rows, top to bottom, and returns the number of bytes it wrote.</summary>
    /// <param name="rows">The rows: <see cref="RawImageHeader.Stride"/> bytes each, no padding.</param>
    /// <param name="header">Size and channel count.</param>
    /// <param name="cancellationToken">Cancelled when the render is cancelled or runs over its time.</param>
    internal delegate Task<long> PixelConsumer(Stream rows, RawImageHeader header, CancellationToken cancellationToken);

    /// <inheritdoc />
    public Task<RenderResult<RenderedPage>> RenderPageAsync(
        string pdfPath, PdfPageInfo page, Stream destination, CancellationToken cancellationToken) =>
        RenderPageAsync(pdfPath, page, int.MaxValue, destination, cancellationToken);

    /// <inheritdoc />
    public Task<RenderResult<RenderedPage>> RenderPageAsync(
        string pdfPath, PdfPageInfo page, int maxLongSidePx, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(pdfPath);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLongSidePx);
        ArgumentNullException.ThrowIfNull(destination);

        var framed = PageFrame.For(page, options.CurrentValue);
        if (!framed.Succeeded)
        {
            return Task.FromResult(Fail(page, framed.Error));
        }

        var frame = framed.Value.ScaledToFit(maxLongSidePx);
        return RenderPixelsAsync(
            pdfPath, page, frame, (rows, header, token) => PngEncoder.EncodeAsync(rows, header, frame.Dpi, destination, token), cancellationToken);
    }

    /// <summary>
    /// Renders <paramref name="page"/> at <paramref name="frame"/> and hands its raw pixels to <paramref name="consume"/>,
    /// under the page timeout. The PNG path above is one consumer; the rendering benchmark times others.
    /// </summary>
    internal async Task<RenderResult<RenderedPage>> RenderPixelsAsync(
        string pdfPath, PdfPageInfo page, PageFrame frame, PixelConsumer consume, CancellationToken cancellationToken)
    {
        var rendering = options.CurrentValue;
        var pdftocairo = tools.Resolve("pdftocairo");
        if (!pdftocairo.Succeeded)
        {
            return Fail(page, pdftocairo.Error);
        }

        var stopwatch = Stopwatch.StartNew();
        var stderr = new StringBuilder();
        var folder = Directory.CreateTempSubdirectory("timevision-page-");
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(rendering.PageTimeout);
        try
        {
            ChildProcessLimits.GiveToChild(folder, rendering);
            var root = Path.Combine(folder.FullName, "page");
            var result = await ChildProcessLimits.Wrap(pdftocairo.Value, Arguments(pdfPath, page, frame, rendering.Grayscale, root), rendering)
                .WithEnvironmentVariables(environment => environment.Set("GLIBC_TUNABLES", Tunables()))
                .WithStandardErrorPipe(PipeTarget.Create(async (stream, token) => await CaptureAsync(stream, stderr, token)))
                .WithValidation(CommandResultValidation.None)
                .ExecuteAsync(timeoutSource.Token);
            var tiff = root + ".tif";
            if (ChildProcessLimits.ReportsOutOfMemory(stderr.ToString()))
            {
                return Fail(page, OutOfMemory(page, rendering));
            }

            if (result.ExitCode != 0 || !File.Exists(tiff))
            {
                return Fail(page, Unreadable(page, stderr.ToString()));
            }

            // The encode counts against the page's time too, as it did when it read Poppler's output as it came.
            using var file = File.OpenHandle(tiff, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
            var (header, strips) = UncompressedTiff.Open(file);
            await using var rows = new BufferedStream(strips, PixelReadBufferSize);
            var bytes = await consume(rows, header, timeoutSource.Token);

            var rendered = new RenderedPage(page.Number, header.Width, header.Height, frame.Dpi, header.Channels == 1, bytes);
            Log.PageRendered(logger, page.Number, rendered.WidthPx, rendered.HeightPx, rendered.Bytes, stopwatch.ElapsedMilliseconds);
            return RenderResult<RenderedPage>.Success(rendered);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Fail(page, new RenderError(
                RenderErrorCode.RenderTimeout,
                string.Create(CultureInfo.InvariantCulture, $"Rendering page {page.Number} took longer than {rendering.PageTimeout.TotalSeconds:0.###} s (Rendering:PageTimeout); Poppler was stopped.")));
        }
        catch (InvalidDataException)
        {
            return Fail(page, Unreadable(page, stderr.ToString()));
        }
        finally
        {
            DeleteQuietly(folder);
        }
    }

    private static IEnumerable<string> Arguments(string pdfPath, PdfPageInfo page, PageFrame frame, bool grayscale, string outputRoot)
    {
        var number = page.Number.ToString(CultureInfo.InvariantCulture);
        var width = frame.WidthPx.ToString(CultureInfo.InvariantCulture);
        var height = frame.HeightPx.ToString(CultureInfo.InvariantCulture);

        // Sizes are as a viewer shows the page (pdftocairo turns it by /Rotate first). -W and -H crop to the exact frame:
        // pdftocairo rounds the scaled page up, so 1754 px can come out as 1755.
        string[] arguments =
        [
            "-f", number, "-l", number,
            "-cropbox",
            "-scale-to-x", width, "-scale-to-y", height,
            "-W", width, "-H", height,
            "-tiff", "-tiffcompression", "none", "-singlefile",
        ];
        return grayscale ? [.. arguments, "-gray", pdfPath, outputRoot] : [.. arguments, pdfPath, outputRoot];
    }

    /// <summary>The child's <c>GLIBC_TUNABLES</c>: this process's own, with the huge-page request added.</summary>
    private static string Tunables()
    {
        var inherited = Environment.GetEnvironmentVariable("GLIBC_TUNABLES");
        return string.IsNullOrEmpty(inherited) ? HugePagesTunable
            : inherited.Contains("glibc.malloc.hugetlb", StringComparison.Ordinal) ? inherited
            : $"{inherited}:{HugePagesTunable}";
    }

    private static void DeleteQuietly(DirectoryInfo folder)
    {
        try
        {
            folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A killed process may hold its file for a moment; the system's temp cleaner takes it later.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    private static RenderError OutOfMemory(PdfPageInfo page, RenderingOptions options) => new(
        RenderErrorCode.RenderOutOfMemory,
        string.Create(CultureInfo.InvariantCulture, $"Rendering page {page.Number} needed more than the {options.ChildMemoryLimitMb} MB Poppler may take (Rendering:ChildMemoryLimitMb); it was stopped."));

    private static RenderError Unreadable(PdfPageInfo page, string stderr) => new(
        RenderErrorCode.Corrupt,
        $"Poppler could not render page {page.Number}; the PDF may be damaged ({PdfInfoDiagnostics.FirstError(stderr)}).");

    private static async Task CaptureAsync(Stream stream, StringBuilder sink, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            // Keep reading past the limit so the process never blocks on a full pipe.
            if (sink.Length < StderrLimit)
            {
                sink.Append(buffer, 0, Math.Min(read, StderrLimit - sink.Length));
            }
        }
    }

    private RenderResult<RenderedPage> Fail(PdfPageInfo page, RenderError error)
    {
        Log.PageRenderFailed(logger, page.Number, error.Code);
        return RenderResult<RenderedPage>.Failure(error);
    }
}
