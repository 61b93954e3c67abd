using System.ClientModel;
using System.Globalization;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Json;

namespace TimeVision.Core.Estimating.Vision;

/// <summary>Turns what the SDK throws once its retries are spent into a <see cref="VisionError"/>.</summary>
internal static class ApiFailure
{
    private const int MaxMessageLength = 300;

    /// <summary>The error for an API or transport failure; <see langword="null"/> for anything else (a bug: let it throw).</summary>
    /// <param name="exception">What the SDK threw.</param>
    /// <param name="call">How the model was called, to name the setting behind a rejected parameter.</param>
    public static VisionError? Classify(Exception exception, ModelCallSettings? call = null) => exception switch
    {
        ClientResultException { Status: 401 or 403 } e => WithStatus(VisionErrorCode.Unauthorized, "The API rejected the credentials", e),
        ClientResultException { Status: 400 } e when call is not null && RejectedParameter.Find(e) is { } parameter => Unsupported(e, parameter, call),
        ClientResultException { Status: 429 } e => WithStatus(VisionErrorCode.RateLimited, "Still rate-limited after the retries", e),
        ClientResultException { Status: 408 } e => WithStatus(VisionErrorCode.Timeout, "The API timed out", e),
        ClientResultException { Status: >= 500 } e => WithStatus(VisionErrorCode.ServiceError, "The API kept failing", e),
        ClientResultException { Status: > 0 } e => WithStatus(VisionErrorCode.RequestRejected, "The API rejected the request", e),
        ClientResultException e => new(VisionErrorCode.NetworkError, Describe("The endpoint could not be reached", e)),
        AggregateException aggregate when aggregate.InnerExceptions.All(IsTimeout) =>
            new(VisionErrorCode.Timeout, $"No reply within the request timeout, on all {aggregate.InnerExceptions.Count} tries.")
            {
                Params = MessageParams.Of(("tries", aggregate.InnerExceptions.Count)),
            },
        AggregateException aggregate when aggregate.InnerExceptions.Count > 0 => Classify(aggregate.InnerExceptions[^1]),
        _ when IsTimeout(exception) => new(VisionErrorCode.Timeout, "No reply within the request timeout."),
        HttpRequestException or IOException => new(VisionErrorCode.NetworkError, $"The endpoint could not be reached: {Trim(exception.Message)}"),
        _ => null,
    };

    private static VisionError Unsupported(ClientResultException exception, string parameter, ModelCallSettings call)
    {
        var (setting, value) = RejectedParameter.Fix(parameter, call.Dialect);
        var change = call.HowToSet(setting, value);
        return new VisionError(
            VisionErrorCode.UnsupportedParameter,
            $"The model {call.ModelId} does not accept '{parameter}' ({Trim(exception.Message)}). This is a configuration error: set {change}, or run 'timevision model check {call.ModelId}'.")
        {
            Parameter = parameter,
            Setting = change,
            Params = MessageParams.Of(("model", call.ModelId), ("parameter", parameter), ("setting", change)),
        };
    }

    private static VisionError WithStatus(VisionErrorCode code, string what, ClientResultException exception) =>
        new(code, Describe(what, exception)) { Params = MessageParams.Of(("status", exception.Status)) };

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
