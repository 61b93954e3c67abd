using System.Globalization;
using CliWrap;
using CliWrap.Buffered;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TimeVision.Core.Estimating.Rendering.Poppler;

/// <summary>Inspects PDFs with Poppler's <c>pdfinfo</c>, run as a child process with a hard timeout.</summary>
/// <param name="tools">Finds <c>pdfinfo</c>.</param>
/// <param name="options">Page cap and timeout.</param>
/// <param name="logger">Logs each inspection's outcome.</param>
public sealed class PopplerPdfInspector(
    PopplerTools tools, IOptionsMonitor<RenderingOptions> options, ILogger<PopplerPdfInspector> logger) : IPdfInspector
{
    /// <inheritdoc />
    public async Task<RenderResult<PdfDocumentInfo>> InspectAsync(string pdfPath, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(pdfPath);
        var rendering = options.CurrentValue;

        var header = await ReadHeaderAsync(pdfPath, cancellationToken);
        if (!PdfSignature.IsPdf(header))
        {
            return Fail(RenderErrorCode.NotPdf, $"This is not a PDF: {PdfSignature.Describe(header)} (no %PDF- header in the first {PdfSignature.SearchWindow} bytes).");
        }

        var pdfinfo = tools.Resolve("pdfinfo");
        if (!pdfinfo.Succeeded)
        {
            return Fail(pdfinfo.Error);
        }

        var summary = await RunPdfInfoAsync(pdfinfo.Value, [pdfPath], rendering, cancellationToken);
        if (summary.Error is not null)
        {
            return Fail(summary.Error);
        }

        var pageCount = PdfInfoOutput.ReadPageCount(summary.Output) ?? 0;
        if (PageCountError(pageCount, rendering.MaxPages) is { } refused)
        {
            return Fail(refused);
        }

        var detail = pageCount == 1
            ? summary
            : await RunPdfInfoAsync(
                pdfinfo.Value,
                ["-f", "1", "-l", pageCount.ToString(CultureInfo.InvariantCulture), pdfPath],
                rendering,
                cancellationToken);
        if (detail.Error is not null)
        {
            return Fail(detail.Error);
        }

        var pages = PdfInfoOutput.ReadPages(detail.Output);
        if (pages.Count != pageCount)
        {
            return Fail(
                RenderErrorCode.Corrupt,
                string.Create(CultureInfo.InvariantCulture, $"The PDF claims {pageCount} pages but the sizes of only {pages.Count} could be read."));
        }

        Log.PdfInspected(logger, pageCount);
        return RenderResult<PdfDocumentInfo>.Success(new PdfDocumentInfo(pages));
    }

    /// <summary>Why a document of <paramref name="pageCount"/> pages is refused: none, or more than <paramref name="maxPages"/>.</summary>
    private static RenderError? PageCountError(int pageCount, int maxPages) => pageCount switch
    {
        0 => new RenderError(RenderErrorCode.NoPages, "The PDF has no pages."),
        _ when pageCount > maxPages => new RenderError(
            RenderErrorCode.TooManyPages,
            string.Create(CultureInfo.InvariantCulture, $"The PDF has {pageCount} pages; at most {maxPages} are accepted (Rendering:MaxPages)."))
        {
            Params = Json.MessageParams.Of(("pages", pageCount), ("maxPages", maxPages)),
        },
        _ => null,
    };

    private RenderResult<PdfDocumentInfo> Fail(RenderErrorCode code, string message) => Fail(new RenderError(code, message));

    private RenderResult<PdfDocumentInfo> Fail(RenderError error)
    {
        Log.PdfRejected(logger, error.Code);
        return RenderResult<PdfDocumentInfo>.Failure(error);
    }

    private static async Task<byte[]> ReadHeaderAsync(string pdfPath, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(pdfPath);
        var buffer = new byte[PdfSignature.SearchWindow];
        var read = await file.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        return buffer[..read];
    }

    private static async Task<(string Output, RenderError? Error)> RunPdfInfoAsync(
        string pdfinfo, IReadOnlyList<string> arguments, RenderingOptions options, CancellationToken cancellationToken)
    {
        var timeout = options.InspectTimeout;
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        BufferedCommandResult result;
        try
        {
            result = await ChildProcessLimits.Wrap(pdfinfo, ["-enc", "UTF-8", .. arguments], options)
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (string.Empty, new RenderError(
                RenderErrorCode.RenderTimeout,
                $"Reading the PDF's structure took longer than {timeout.TotalSeconds:0.###} s (Rendering:InspectTimeout); Poppler was stopped."));
        }

        if (result.ExitCode == 0)
        {
            return (result.StandardOutput, null);
        }

        var stderr = result.StandardError;
        if (PdfInfoDiagnostics.NeedsPassword(stderr))
        {
            return (string.Empty, new RenderError(RenderErrorCode.Encrypted, "The PDF is password-protected; send a copy without a password."));
        }

        if (PdfInfoDiagnostics.IsEmptyPageTree(stderr))
        {
            return (string.Empty, new RenderError(RenderErrorCode.NoPages, "The PDF has no pages."));
        }

        return (string.Empty, new RenderError(
            RenderErrorCode.Corrupt,
            $"The PDF is damaged or truncated and cannot be read (Poppler: {PdfInfoDiagnostics.FirstError(stderr)})."));
    }
}
