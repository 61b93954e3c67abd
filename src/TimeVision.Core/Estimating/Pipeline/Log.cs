using Microsoft.Extensions.Logging;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Rendering;

namespace TimeVision.Core.Estimating.Pipeline;

/// <summary>Pipeline log messages; event ids 3000–3099.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Page {Page}: stored model result reused, no model call")]
    public static partial void PageResultReused(ILogger logger, int page);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Document estimate saved: {Status}, {PageCount} pages")]
    public static partial void DocumentSaved(ILogger logger, DocumentStatus status, int pageCount);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Page {Page}: the text layer could not be read ({ErrorCode}); estimating without its facts")]
    public static partial void FactsUnreadable(ILogger logger, int page, RenderErrorCode errorCode);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Page {Page}: reading the text layer ran out of time; estimating without its facts")]
    public static partial void FactsTimedOut(ILogger logger, int page);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "The document estimate changed while saving (try {Attempt}): read again and merged")]
    public static partial void DocumentChangedWhileSaving(ILogger logger, int attempt);
}
