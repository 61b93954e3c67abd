using Microsoft.Extensions.Logging;

namespace TimeVision.Core.History;

internal static partial class Log
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "History index updated: {Documents} document(s) read again, {Entries} labelled part(s) in all.")]
    public static partial void IndexUpdated(ILogger logger, int documents, int entries);
}
