using System.ClientModel;
using System.Globalization;
using System.Net.Http;

namespace TimeVision.Core.Vision;

/// <summary>Turns what the SDK throws once its retries are spent into a <see cref="VisionError"/>.</summary>
internal static class ApiFailure
{
    private const int MaxMessageLength = 300;

    /// <summary>The error for an API or transport failure; <see langword="null"/> for anything else (a bug: let it throw).</summary>
    public static VisionError? Classify(Exception exception) => exception switch
    {
        ClientResultException { Status: 401 or 403 } e => new(VisionErrorCode.Unauthorized, Describe("The API rejected the key", e)),
        ClientResultException { Status: 429 } e => new(VisionErrorCode.RateLimited, Describe("Still rate-limited after the retries", e)),
        ClientResultException { Status: 408 } e => new(VisionErrorCode.Timeout, Describe("The API timed out", e)),
        ClientResultException { Status: >= 500 } e => new(VisionErrorCode.ServiceError, Describe("The API kept failing", e)),
        ClientResultException { Status: > 0 } e => new(VisionErrorCode.RequestRejected, Describe("The API rejected the request", e)),
        ClientResultException e => new(VisionErrorCode.NetworkError, Describe("The endpoint could not be reached", e)),
        AggregateException aggregate when aggregate.InnerExceptions.All(IsTimeout) =>
            new(VisionErrorCode.Timeout, $"No reply within the request timeout, on all {aggregate.InnerExceptions.Count} tries."),
        AggregateException aggregate when aggregate.InnerExceptions.Count > 0 => Classify(aggregate.InnerExceptions[^1]),
        _ when IsTimeout(exception) => new(VisionErrorCode.Timeout, "No reply within the request timeout."),
        HttpRequestException or IOException => new(VisionErrorCode.NetworkError, $"The endpoint could not be reached: {Trim(exception.Message)}"),
        _ => null,
    };

    private static bool IsTimeout(Exception exception) => exception is OperationCanceledException or TimeoutException;

    private static string Describe(string what, ClientResultException exception) =>
        exception.Status > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{what} ({exception.Status}): {Trim(exception.Message)}")
            : $"{what}: {Trim(exception.Message)}";

    private static string Trim(string message)
    {
        var oneLine = message.ReplaceLineEndings(" ");
        return oneLine.Length <= MaxMessageLength ? oneLine : oneLine[..MaxMessageLength] + "…";
    }
}
