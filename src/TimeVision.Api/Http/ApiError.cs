using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using TimeVision.Core.Estimating.Estimates;

namespace TimeVision.Api.Http;

/// <summary>
/// The API's error shape, <c>{"error":{"code":…,"message":…,"correlationId":…}}</c>, with its status code. A caller gets
/// a stable code, a message written for them and the correlation id (the invocation's trace id), never exception text;
/// details that only the operators should see go to the log under that id.
/// </summary>
public static partial class ApiError
{
    /// <summary>The code of a 503 while Blob Storage or Cosmos DB cannot be reached.</summary>
    public const string StorageUnavailable = "storage_unavailable";

    /// <summary>
    /// <c>404 not_found</c> for a document route: "no estimate with id …" for a well-formed id, and for text that is
    /// not a document id (64 hex digits) a message that says so without repeating what was sent.
    /// </summary>
    public static JsonHttpResult<ApiErrorBody> NoSuchDocument(string? id) => Json(
        StatusCodes.Status404NotFound,
        "not_found",
        DocumentId.TryParse(id, out var parsed)
            ? $"No estimate with id '{parsed.Value}'."
            : "No estimate has that id: a document id is the 64 hex digits of its PDF's SHA-256.");

    /// <summary>The error <paramref name="code"/> with <paramref name="message"/> and a new correlation id, answered with <paramref name="status"/>.</summary>
    /// <param name="status">The HTTP status code.</param>
    /// <param name="code">The stable error code.</param>
    /// <param name="message">What the caller is told.</param>
    /// <param name="values">The values <paramref name="message"/> names, for a page to word it in its own language (<see cref="ApiErrorDetail.Params"/>).</param>
    public static JsonHttpResult<ApiErrorBody> Json(int status, string code, string message, IReadOnlyDictionary<string, string>? values = null) =>
        TypedResults.Json(new ApiErrorBody(new ApiErrorDetail(code, message, CorrelationId()) { Params = values }), statusCode: status);

    /// <summary>
    /// <c>507 storage_full</c> for a write that met a full disk (<see cref="Core.Storage.StorageFull"/>); nothing cut
    /// off was kept, and the failure is logged under the correlation id.
    /// </summary>
    public static JsonHttpResult<ApiErrorBody> DiskFull(ILogger logger, string where, Exception exception) => Logged(
        logger,
        StatusCodes.Status507InsufficientStorage,
        "storage_full",
        "The server's disk is full, so this could not be stored; nothing half-written was kept. Sending the same request again once space is freed is safe.",
        $"{where}: {exception}");

    /// <summary>An error whose details are logged under the correlation id the caller gets, and not shown to the caller.</summary>
    public static JsonHttpResult<ApiErrorBody> Logged(ILogger logger, int status, string code, string message, string details)
    {
        var result = Json(status, code, message);
        Log(logger, code, result.Value!.Error.CorrelationId, details);
        return result;
    }

    /// <summary>
    /// <c>503 storage_unavailable</c> for a store that cannot be reached, with the failure logged under the correlation id;
    /// <paramref name="where"/> says in the log which function met it.
    /// </summary>
    public static JsonHttpResult<ApiErrorBody> StorageDown(ILogger logger, string where, Exception exception) => Logged(
        logger,
        StatusCodes.Status503ServiceUnavailable,
        StorageUnavailable,
        "The storage cannot be reached just now. Sending the same request again in a minute is safe. The details are in the log under the correlation id.",
        $"{where}: {exception}");

    /// <summary>What a caller is told about a body that is not JSON: where the JSON broke, not the parser's text.</summary>
    public static string WhereJsonBroke(JsonException exception) =>
        string.Create(CultureInfo.InvariantCulture, $"at {exception.Path ?? "$"}, line {(exception.LineNumber ?? 0) + 1}, byte {(exception.BytePositionInLine ?? 0) + 1}");

    private static string CorrelationId() => Activity.Current is { } activity ? activity.TraceId.ToHexString() : Guid.NewGuid().ToString("N");

    [LoggerMessage(EventId = 4100, Level = LogLevel.Error, Message = "API error {Code}, correlation id {CorrelationId}: {Details}")]
    private static partial void Log(ILogger logger, string code, string correlationId, string details);
}
