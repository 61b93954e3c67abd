using Microsoft.Extensions.Logging;

namespace TimeVision.Core.Estimating.Pipeline.Recovery;

/// <summary>Recovery log messages; event ids 3100–3119.</summary>
internal static partial class RecoveryLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Warning, Message = "Document {DocumentId}: its run did not finish (the process stopped); started again from its stored pages (resume {Resume})")]
    public static partial void RunResumed(ILogger logger, string documentId, int resume);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Error, Message = "Document {DocumentId}: its run was interrupted {Resumes} times; it is not started again (estimate it with --force, or POST it with ?force=true)")]
    public static partial void RunGivenUp(ILogger logger, string documentId, int resumes);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Document {DocumentId}: its run did not finish and its PDF is no longer stored; nothing to resume")]
    public static partial void PdfGone(ILogger logger, string documentId);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Error, Message = "Document {DocumentId}: its unfinished run could not be started again; a retry of the document tries again")]
    public static partial void ResumeFailed(ILogger logger, string documentId, Exception exception);
}
