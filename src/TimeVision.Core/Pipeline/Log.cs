using Microsoft.Extensions.Logging;
using TimeVision.Core.Estimates;

namespace TimeVision.Core.Pipeline;

/// <summary>Pipeline log messages; event ids 3000–3099.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Page {Page}: stored model result reused, no model call")]
    public static partial void PageResultReused(ILogger logger, int page);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Document estimate saved: {Status}, {PageCount} pages")]
    public static partial void DocumentSaved(ILogger logger, DocumentStatus status, int pageCount);
}
