using System.Diagnostics;
using System.Globalization;
using System.Text;
using CliWrap;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TimeVision.Core.Rendering.Png;

namespace TimeVision.Core.Rendering.Poppler;

/// <summary>
/// Renders a page with Poppler's <c>pdftoppm</c> in a child process, reading its raw pixels from stdout and
/// encoding the PNG in-process. The process gets a hard timeout and is killed when it runs over or the caller
/// cancels, so a hostile PDF can neither hang nor crash the host.
/// </summary>
public sealed class PopplerPageRenderer : IPageRenderer
{
    private const int StderrLimit = 16 * 1024;
    private const int PixelReadBufferSize = 1024 * 1024;

    private readonly PopplerTools _tools;
    private readonly IOptionsMonitor<RenderingOptions> _options;
    private readonly ILogger<PopplerPageRenderer> _logger;

    /// <summary>Creates the renderer.</summary>
    /// <param name="tools">Finds <c>pdftoppm</c>.</param>
    /// <param name="options">DPI, caps, colour mode and timeout.</param>
    /// <param name="logger">Logs each page's outcome.</param>
    public PopplerPageRenderer(PopplerTools tools, IOptionsMonitor<RenderingOptions> options, ILogger<PopplerPageRenderer> logger)
    {
        _tools = tools;
        _options = options;
        _logger = logger;
    }

    /// <summary>Takes a page's raw pixel rows, top to bottom, and returns the number of bytes it wrote.</summary>
    /// <param name="rows">The rows: <see cref="NetpbmHeader.Stride"/> bytes each, no padding.</param>
    /// <param name="header">Size and channel count.</param>
    /// <param name="cancellationToken">Cancelled when the render is cancelled or runs over its time.</param>
    internal delegate Task<long> PixelConsumer(Stream rows, NetpbmHeader header, CancellationToken cancellationToken);

    /// <inheritdoc />
    public Task<RenderResult<RenderedPage>> RenderPageAsync(
        string pdfPath, PdfPageInfo page, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(pdfPath);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(destination);

        var frame = PageFrame.For(page, _options.CurrentValue);
        return frame.Succeeded
            ? RenderPixelsAsync(pdfPath, page, frame.Value, (rows, header, token) => PngEncoder.EncodeAsync(rows, header, frame.Value.Dpi, destination, token), cancellationToken)
            : Task.FromResult(Fail(page, frame.Error));
    }

    /// <summary>
    /// Renders <paramref name="page"/> at <paramref name="frame"/> and hands its raw pixels to <paramref name="consume"/>,
    /// under the page timeout. The PNG path above is one consumer; the rendering benchmark times others.
    /// </summary>
    internal async Task<RenderResult<RenderedPage>> RenderPixelsAsync(
        string pdfPath, PdfPageInfo page, PageFrame frame, PixelConsumer consume, CancellationToken cancellationToken)
    {
        var options = _options.CurrentValue;
        var pdftoppm = _tools.Resolve("pdftoppm");
        if (!pdftoppm.Succeeded)
        {
            return Fail(page, pdftoppm.Error);
        }

        var stopwatch = Stopwatch.StartNew();
        var stderr = new StringBuilder();
        NetpbmHeader? header = null;
        long bytes = 0;
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(options.PageTimeout);
        CommandResult result;
        try
        {
            result = await Cli.Wrap(pdftoppm.Value)
                .WithArguments(Arguments(pdfPath, page, frame, options.Grayscale))
                .WithStandardOutputPipe(PipeTarget.Create(async (stdout, token) =>
                {
                    // Large reads: a page is megabytes of pixels, and row-sized reads from the pipe cost a syscall each.
                    await using var pixels = new BufferedStream(stdout, PixelReadBufferSize);
                    header = await NetpbmHeader.ReadAsync(pixels, token);
                    bytes = await consume(pixels, header, token);
                }))
                .WithStandardErrorPipe(PipeTarget.Create(async (stream, token) => await CaptureAsync(stream, stderr, token)))
                .WithValidation(CommandResultValidation.None)
                .ExecuteAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Fail(page, new RenderError(
                RenderErrorCode.RenderTimeout,
                string.Create(CultureInfo.InvariantCulture, $"Rendering page {page.Number} took longer than {options.PageTimeout.TotalSeconds:0.###} s (Rendering:PageTimeout); Poppler was stopped.")));
        }
        catch (Exception exception) when (exception is InvalidDataException or EndOfStreamException)
        {
            return Fail(page, Unreadable(page, stderr.ToString()));
        }

        if (result.ExitCode != 0 || header is null)
        {
            return Fail(page, Unreadable(page, stderr.ToString()));
        }

        var rendered = new RenderedPage(page.Number, header.Width, header.Height, frame.Dpi, header.Channels == 1, bytes);
        Log.PageRendered(_logger, page.Number, rendered.WidthPx, rendered.HeightPx, rendered.Bytes, stopwatch.ElapsedMilliseconds);
        return RenderResult<RenderedPage>.Success(rendered);
    }

    private static IEnumerable<string> Arguments(string pdfPath, PdfPageInfo page, PageFrame frame, bool grayscale)
    {
        var number = page.Number.ToString(CultureInfo.InvariantCulture);

        // pdftoppm scales the page as the file lays it out and turns it by /Rotate afterwards: a turned page's
        // sides go in swapped, or it comes out squashed into the wrong orientation.
        var (scaleX, scaleY) = page.Rotation % 180 == 0 ? (frame.WidthPx, frame.HeightPx) : (frame.HeightPx, frame.WidthPx);
        string[] arguments =
        [
            "-f", number, "-l", number,
            "-cropbox",
            "-scale-to-x", scaleX.ToString(CultureInfo.InvariantCulture),
            "-scale-to-y", scaleY.ToString(CultureInfo.InvariantCulture),
        ];

        // With no output root, pdftoppm writes the page as PPM (or PGM with -gray) to stdout.
        return grayscale ? [.. arguments, "-gray", pdfPath] : [.. arguments, pdfPath];
    }

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
        Log.PageRenderFailed(_logger, page.Number, error.Code);
        return RenderResult<RenderedPage>.Failure(error);
    }
}
