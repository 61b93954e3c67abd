using System.Text.Json.Nodes;
using TimeVision.Core.Estimating.Facts;

namespace TimeVision.Core.Estimating.Estimates;

/// <summary>
/// What a reply field becomes when a model leaves it out or gives a value the contract cannot use: the page's
/// text-layer facts where they say it (units, drawing number, part name, material), otherwise a stated default.
/// The defaults are cautious: an answer that did not say how sure it is counts as <c>low</c> confidence.
/// </summary>
internal static class ReplyFieldDefaults
{
    /// <summary>Where a filled value came from.</summary>
    public enum Origin
    {
        /// <summary>The page's text layer.</summary>
        TextLayer,

        /// <summary>A stated default.</summary>
        Default,
    }

    /// <summary>The value for <paramref name="field"/>, given what the rest of the reply and the page's facts say.</summary>
    /// <param name="field">The contract's field name.</param>
    /// <param name="reply">The reply, as far as it is already read.</param>
    /// <param name="facts">The page's text-layer facts, if any.</param>
    public static (JsonNode? Value, Origin Origin) For(string field, JsonObject reply, PageFacts? facts)
    {
        var title = facts is { HasText: true } ? facts.TitleBlock : null;
        return field switch
        {
            "drawing_units" when title?.Units?.Value is "mm" or "inch" => (title.Units.Value, Origin.TextLayer),
            "drawing_units" => ("mm", Origin.Default), // the original contract's envelope fields are millimetres
            "drawing_number" when title?.DrawingNumber is { } number => (number.Value, Origin.TextLayer),
            "part_name" when title?.PartName is { } name => (name.Value, Origin.TextLayer),
            "material_detected" when title?.Material is { } material => (material.Value, Origin.TextLayer),
            "part_type" => (PartTypeFromEnvelope(reply), Origin.Default),
            "complexity" => ("medium", Origin.Default),
            "confidence" => ("low", Origin.Default),
            "operations" => (OperationsFromBreakdown(reply), Origin.Default),
            "breakdown" => (new JsonArray(), Origin.Default),
            "manufacturing_description" or "reasoning" => (string.Empty, Origin.Default),
            _ => (null, Origin.Default), // drawing number, part name, material and the envelope: unknown
        };
    }

    /// <summary>A diameter and nothing else says turned; width or height without a diameter says milled; else combined.</summary>
    private static string PartTypeFromEnvelope(JsonObject reply)
    {
        var diameter = IsNumber(reply["max_diameter_mm"]);
        var flat = IsNumber(reply["max_width_mm"]) || IsNumber(reply["max_height_mm"]);
        return (diameter, flat) switch
        {
            (true, false) => "ROT",
            (false, true) => "PRI",
            _ => "COMBINED",
        };
    }

    private static JsonArray OperationsFromBreakdown(JsonObject reply) =>
        reply["breakdown"] is JsonArray items
            ? new JsonArray([.. items.Select(item => item?["operation"]?.DeepClone()).Where(name => name is not null)])
            : [];

    private static bool IsNumber(JsonNode? node) => node is JsonValue value && value.TryGetValue<double>(out _);
}
