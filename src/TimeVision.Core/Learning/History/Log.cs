using Microsoft.Extensions.Logging;
using TimeVision.Core.Estimating.Rendering;

namespace TimeVision.Core.Learning.History;

/// <summary>History log messages: the import 6000–6099, the index 9001. Never a drawing's content or a row's values.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "History import: {Rows} rows read, {Labels} labels for {Drawings} drawings")]
    public static partial void RowsRead(ILogger logger, int rows, int labels, int drawings);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "History import: a drawing could not be imported ({ErrorCode}); its rows are reported unmatched")]
    public static partial void DrawingNotImported(ILogger logger, RenderErrorCode errorCode);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "History import: a label was not stored ({Outcome}); its rows are reported unmatched")]
    public static partial void LabelNotStored(ILogger logger, string outcome);

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "History index updated: {Documents} document(s) read again, {Entries} labelled part(s) in all.")]
    public static partial void IndexUpdated(ILogger logger, int documents, int entries);
}
