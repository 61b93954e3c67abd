using Microsoft.Extensions.Logging;
using TimeVision.Core.Estimating.Estimates;

namespace TimeVision.Core.Estimating.Vision;

/// <summary>Vision's log messages; event ids 2000–2099. Never the drawing's content, never a key.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Page estimated by {Model}: {Minutes} min after {Attempts} requests")]
    public static partial void PageEstimated(ILogger logger, string model, double minutes, int attempts);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Page blocked by {Model}: refused after {Attempts} requests")]
    public static partial void PageBlocked(ILogger logger, string model, int attempts);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Page estimate by {Model} failed: {ErrorCode} after {Attempts} requests")]
    public static partial void PageFailed(ILogger logger, string model, VisionErrorCode errorCode, int attempts);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Part read by {Model}: {Features} features after {Attempts} requests")]
    public static partial void PartRead(ILogger logger, string model, int features, int attempts);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "The setting {Setting} is a Key Vault reference that did not resolve (the secret is missing, or the app's identity cannot read it); it is not used as the OpenAI API key")]
    public static partial void UnresolvedKeyVaultReference(ILogger logger, string setting);
}
