using System.ClientModel;
using System.Text.Json;

namespace TimeVision.Core.Estimating.Vision;

/// <summary>
/// Reads a <c>400</c> that names a request parameter the model does not take: OpenAI's <c>unsupported_parameter</c> and
/// <c>unsupported_value</c> (reasoning models and <c>temperature</c>), or a provider's complaint about the schema's
/// <c>additionalProperties</c> (Gemini). It is a configuration error: retrying the same request cannot help.
/// </summary>
internal static class RejectedParameter
{
    /// <summary>The parameters TimeVision sends that a provider may reject, as they appear in error messages.</summary>
    private static readonly string[] Known =
        ["temperature", "max_completion_tokens", "max_tokens", "reasoning_effort", "additionalProperties", "response_format", "json_schema"];

    /// <summary>The rejected parameter's name, or <see langword="null"/> when the 400 is about something else.</summary>
    public static string? Find(ClientResultException exception)
    {
        if (exception.Status != 400)
        {
            return null;
        }

        var (code, param, message) = ReadError(exception);
        if (param is not null && (code is "unsupported_parameter" or "unsupported_value" || Known.Contains(param, StringComparer.Ordinal)))
        {
            return param;
        }

        var text = message ?? exception.Message;
        return code is "unsupported_parameter" or "unsupported_value" || text.Contains("nsupported", StringComparison.Ordinal) || text.Contains("Unknown name", StringComparison.Ordinal)
            ? Known.FirstOrDefault(name => text.Contains(name, StringComparison.Ordinal))
            : null;
    }

    /// <summary>The setting that controls <paramref name="param"/>, and the value that stops sending it.</summary>
    /// <param name="param">The rejected parameter.</param>
    /// <param name="dialect">What was sent.</param>
    public static (string Setting, string Value) Fix(string param, ModelDialect dialect) => param switch
    {
        "temperature" => ("Temperature", ModelCallSettings.NotSent),
        "max_completion_tokens" or "max_tokens" => ("MaxOutputTokens", "0"),
        "reasoning_effort" => ("ReasoningEffort", "none"),
        _ => ("ResponseFormat", ReplyFormats.NameOf(Weaker(dialect.ResponseFormat))),
    };

    /// <summary>The next format down from <paramref name="format"/>.</summary>
    public static ReplyFormat Weaker(ReplyFormat format) => format switch
    {
        ReplyFormat.JsonSchemaStrict => ReplyFormat.JsonSchema,
        ReplyFormat.JsonSchema => ReplyFormat.JsonObject,
        _ => ReplyFormat.None,
    };

    /// <summary>OpenAI's error body, <c>{"error": {code, param, message}}</c>; some providers wrap it in an array.</summary>
    private static (string? Code, string? Param, string? Message) ReadError(ClientResultException exception)
    {
        try
        {
            var content = exception.GetRawResponse()?.Content;
            if (content is null)
            {
                return (null, null, null);
            }

            using var json = JsonDocument.Parse(content);
            var root = json.RootElement.ValueKind == JsonValueKind.Array && json.RootElement.GetArrayLength() > 0 ? json.RootElement[0] : json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
            {
                return (null, null, null);
            }

            return (Text(error, "code"), Text(error, "param"), Text(error, "message"));
        }
        catch (JsonException)
        {
            return (null, null, null);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
