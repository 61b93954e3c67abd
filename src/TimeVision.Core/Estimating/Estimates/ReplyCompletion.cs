using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Json;

namespace TimeVision.Core.Estimating.Estimates;

/// <summary>The outcome of completing a reply: the reply in the contract's full shape, what was filled, or why it cannot be used.</summary>
/// <param name="Reply">The completed reply, when it has a time.</param>
/// <param name="Warnings">One warning per field that was filled, replaced or ignored.</param>
/// <param name="Error">Why the reply cannot be an estimate: it has no usable time.</param>
public sealed record ReplyCompletionResult(JsonObject? Reply, IReadOnlyList<EstimateWarning> Warnings, string? Error);

/// <summary>
/// Reads a reply the way any provider may give it: the original 13-field shape the shop's model was trained on, a
/// reply from a server that ignores <c>response_format</c>, numbers written as text, enum values in another case.
/// Only a time is essential: <c>estimated_time_min</c>, or a breakdown whose times sum to one. Every other field that
/// is missing or unusable is filled (see <see cref="ReplyFieldDefaults"/>) with a warning; fields the contract does not
/// know are dropped with a warning.
/// </summary>
public static class ReplyCompletion
{
    private const string TotalField = "estimated_time_min";
    private const string BreakdownField = "breakdown";
    private const int MaxQuotedLength = 60;

    private static readonly IReadOnlyList<(string Name, JsonObject Schema, JsonSchema Validator)> Fields = ReadFields();

    /// <summary>Completes <paramref name="reply"/> (changed in place) from its own content and the page's facts.</summary>
    /// <param name="reply">The reply's JSON object.</param>
    /// <param name="facts">The page's text-layer facts, if any.</param>
    public static ReplyCompletionResult Complete(JsonObject reply, PageFacts? facts)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var warnings = new List<EstimateWarning>();
        DropUnknownFields(reply, warnings);
        var unusable = KeepUsableFields(reply);

        if (!reply.ContainsKey(TotalField))
        {
            var sum = BreakdownSum(reply);
            var said = unusable.TryGetValue(TotalField, out var bad) ? $"{TotalField} {bad} is not a time of 0–10,000 min" : $"{TotalField} is missing";
            if (sum is null)
            {
                return new ReplyCompletionResult(null, warnings, $"The reply has no usable time: {said}, and there is no breakdown with times to sum.");
            }

            reply[TotalField] = sum.Value;
            warnings.Add(new EstimateWarning(EstimateWarning.TotalFromBreakdown, string.Create(CultureInfo.InvariantCulture, $"{said}; the breakdown's sum, {sum:0.###} min, was taken."))
            {
                Params = MessageParams.Of(("sumMin", Math.Round(sum.Value, 3))),
            });
        }

        foreach (var (name, _, _) in Fields.Where(f => !reply.ContainsKey(f.Name)))
        {
            var (value, origin) = ReplyFieldDefaults.For(name, reply, facts);
            reply[name] = value;
            var reason = unusable.TryGetValue(name, out var bad) ? $"{name} {bad} does not fit the contract" : $"{name} is missing";
            var named = MessageParams.Of(("field", name), ("value", Quote(value).Trim('"')));
            warnings.Add(origin == ReplyFieldDefaults.Origin.TextLayer
                ? new EstimateWarning(EstimateWarning.FilledFromTextLayer, $"{reason}; the page's text layer says {Quote(value)}.") { Params = named }
                : new EstimateWarning(EstimateWarning.FilledWithDefault, $"{reason}; the default {Quote(value)} was taken.") { Params = named });
        }

        return new ReplyCompletionResult(reply, warnings, null);
    }

    /// <summary>Removes the fields the contract does not know, with one warning naming them.</summary>
    private static void DropUnknownFields(JsonObject reply, List<EstimateWarning> warnings)
    {
        var unknown = reply.Select(p => p.Key).Where(name => Fields.All(f => f.Name != name)).ToList();
        if (unknown.Count > 0)
        {
            unknown.ForEach(name => reply.Remove(name));
            warnings.Add(new EstimateWarning(EstimateWarning.IgnoredUnknownFields, $"The reply had fields the contract does not know; ignored: {string.Join(", ", unknown)}.")
            {
                Params = MessageParams.Of(("fields", string.Join(", ", unknown))),
            });
        }
    }

    /// <summary>Coerces each known field to its schema; removes those that still do not fit, returned with their values as sent.</summary>
    private static Dictionary<string, string> KeepUsableFields(JsonObject reply)
    {
        var unusable = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, schema, validator) in Fields)
        {
            if (!reply.TryGetPropertyValue(name, out var value))
            {
                continue;
            }

            var coerced = Coerce(value, schema);
            if (IsValid(validator, coerced))
            {
                reply[name] = coerced;
            }
            else
            {
                unusable[name] = Quote(value);
                reply.Remove(name);
            }
        }

        return unusable;
    }

    private static double? BreakdownSum(JsonObject reply) =>
        reply[BreakdownField] is JsonArray { Count: > 0 } items
            ? Math.Round(items.Sum(item => item!["time_min"]!.GetValue<double>()), 3)
            : null;

    /// <summary>Numbers written as text become numbers; enum values match whatever their case; breakdown items get their optional notes.</summary>
    private static JsonNode? Coerce(JsonNode? value, JsonObject schema)
    {
        var copy = value?.DeepClone();
        if (copy is JsonValue text && text.TryGetValue<string>(out var s))
        {
            if (AllowsType(schema, "number") && double.TryParse(s.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }

            if (schema["enum"] is JsonArray values)
            {
                var wanted = Alias(s.Trim());
                return values.FirstOrDefault(v => v is not null && string.Equals(v.GetValue<string>(), wanted, StringComparison.OrdinalIgnoreCase))?.DeepClone() ?? copy;
            }
        }

        if (copy is JsonArray array && schema["items"] is JsonObject itemSchema && itemSchema["properties"] is JsonObject itemProperties)
        {
            foreach (var item in array.OfType<JsonObject>())
            {
                foreach (var (name, propertySchema) in itemProperties)
                {
                    if (!item.ContainsKey(name) && AllowsType(propertySchema!.AsObject(), "null"))
                    {
                        item[name] = null;
                    }
                    else if (item[name] is { } itemValue)
                    {
                        item[name] = Coerce(itemValue, propertySchema!.AsObject());
                    }
                }
            }
        }

        return copy;
    }

    private static string Alias(string value) => value.ToUpperInvariant() switch
    {
        "IN" or "INCHES" or "\"" => "inch",
        "MILLIMETRES" or "MILLIMETERS" or "MILLIMETRE" or "MILLIMETER" or "METRIC" => "mm",
        _ => value,
    };

    private static bool AllowsType(JsonObject schema, string type) => schema["type"] switch
    {
        JsonValue single => single.GetValue<string>() == type,
        JsonArray many => many.Any(t => t?.GetValue<string>() == type),
        _ => false,
    };

    private static bool IsValid(JsonSchema validator, JsonNode? value) =>
        validator.Evaluate(JsonSerializer.SerializeToElement(value)).IsValid;

    private static string Quote(JsonNode? value)
    {
        var text = value?.ToJsonString() ?? "null";
        return text.Length <= MaxQuotedLength ? text : text[..MaxQuotedLength] + "…";
    }

    private static List<(string, JsonObject, JsonSchema)> ReadFields()
    {
        var properties = JsonNode.Parse(EstimateJson.SchemaText)!["properties"]!.AsObject();
        return [.. properties.Select(p => (p.Key, p.Value!.AsObject(), JsonSchema.FromText(p.Value!.ToJsonString())))];
    }
}
