using Microsoft.Extensions.Logging;

namespace TimeVision.Core.Estimating.Rendering;

/// <summary>Rendering's log messages; event ids 1000–1099.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Debug, Message = "Inspected PDF: {PageCount} pages")]
    public static partial void PdfInspected(ILogger logger, int pageCount);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "PDF rejected: {ErrorCode}")]
    public static partial void PdfRejected(ILogger logger, RenderErrorCode errorCode);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Debug, Message = "Rendered page {PageNumber}: {WidthPx}x{HeightPx} px, {Bytes} bytes in {ElapsedMs} ms")]
    public static partial void PageRendered(ILogger logger, int pageNumber, int widthPx, int heightPx, long bytes, long elapsedMs);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning, Message = "Page {PageNumber} not rendered: {ErrorCode}")]
    public static partial void PageRenderFailed(ILogger logger, int pageNumber, RenderErrorCode errorCode);
}
