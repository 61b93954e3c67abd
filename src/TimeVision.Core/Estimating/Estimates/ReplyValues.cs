using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TimeVision.Core.Estimating.Estimates;

/// <summary>
/// Reads one value of a model's reply the way <see cref="ReplyCompletion"/> does: numbers written as text are numbers,
/// codes match whatever their case. Each reader says whether the value fits; an absent value or <c>null</c> fits as
/// <see langword="null"/>.
/// </summary>
internal static class ReplyValues
{
    private const int MaxQuotedLength = 60;

    /// <summary>A number, or a number written as text (a decimal comma too).</summary>
    public static bool TryNumber(JsonNode? node, out double? value)
    {
        value = null;
        if (node is null)
        {
            return true;
        }

        if (node is JsonValue number && number.GetValueKind() == JsonValueKind.Number)
        {
            // Read from the text: a value built in memory holds an int or a decimal, which GetValue<double> refuses.
            value = double.Parse(number.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
            return true;
        }

        if (node is JsonValue text && text.TryGetValue<string>(out var s)
            && double.TryParse(s.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    /// <summary>A whole number (<c>4</c>, <c>4.0</c>, <c>"4"</c>).</summary>
    public static bool TryWhole(JsonNode? node, out int? value)
    {
        value = null;
        if (!TryNumber(node, out var number))
        {
            return false;
        }

        if (number is { } n && (n != Math.Floor(n) || n is > int.MaxValue or < int.MinValue))
        {
            return false;
        }

        value = number is { } whole ? (int)whole : null;
        return true;
    }

    /// <summary><c>true</c> or <c>false</c>, also written as text.</summary>
    public static bool TryFlag(JsonNode? node, out bool? value)
    {
        value = null;
        if (node is null)
        {
            return true;
        }

        if (node is JsonValue flag && flag.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            value = flag.GetValue<bool>();
            return true;
        }

        if (node is JsonValue text && text.TryGetValue<string>(out var s) && bool.TryParse(s.Trim(), out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    /// <summary>A string; an empty or blank one is <see langword="null"/>.</summary>
    public static bool TryText(JsonNode? node, out string? value)
    {
        value = null;
        if (node is null)
        {
            return true;
        }

        if (node is JsonValue text && text.TryGetValue<string>(out var s))
        {
            value = string.IsNullOrWhiteSpace(s) ? null : s.Trim();
            return true;
        }

        return false;
    }

    /// <summary>One of <typeparamref name="T"/>'s JSON codes, matched whatever its case, with spaces and hyphens read as <c>_</c>.</summary>
    /// <typeparam name="T">An enum written as its codes (<c>JsonStringEnumMemberName</c>).</typeparam>
    public static bool TryCode<T>(JsonNode? node, out T? value)
        where T : struct, Enum
    {
        value = null;
        if (!TryText(node, out var text))
        {
            return false;
        }

        if (text is null)
        {
            return true;
        }

        var wanted = text.Replace(' ', '_').Replace('-', '_');
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(CodeOf(candidate), wanted, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>The JSON code of an enum value.</summary>
    public static string CodeOf<T>(T value)
        where T : struct, Enum => JsonSerializer.Serialize(value).Trim('"');

    /// <summary>The value as JSON, cut to a length a warning can show.</summary>
    public static string Quote(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length <= MaxQuotedLength ? text : text[..MaxQuotedLength] + "…";
    }
}
