using System.Text.Json.Serialization;

namespace TimeVision.Api.Http;

/// <summary>The API's error body as a typed result's value: <c>{"error":{"code","message","correlationId"}}</c> (<see cref="ApiError.Json"/>).</summary>
/// <param name="Error">The error.</param>
public sealed record ApiErrorBody([property: JsonPropertyName("error")] ApiErrorDetail Error);

/// <summary>
/// One error: a stable code, a message written for the caller (in English), the correlation id its details are logged
/// under, and the values the message names, by name, so a page words the error in its own language from the code.
/// </summary>
/// <param name="Code">The stable code.</param>
/// <param name="Message">What the caller is told.</param>
/// <param name="CorrelationId">The id the details are logged under.</param>
public sealed record ApiErrorDetail(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("correlationId")] string CorrelationId)
{
    /// <summary>The values <see cref="Message"/> names (<see cref="Core.Json.MessageParams"/>); absent when it names none a person needs.</summary>
    [JsonPropertyName("params")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? Params { get; init; }
}
