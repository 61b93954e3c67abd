using System.Text.Json.Nodes;

namespace TimeVision.Core.Estimating.ProcessPlanning;

/// <summary>
/// Merges a shop's override file over the defaults as JSON: objects field by field, lists of rows by their key
/// (<c>group</c>, <c>id</c>; new rows are added), anything else replaced. A row the override changes without a
/// <c>source</c> of its own is cited as the override's.
/// </summary>
internal static class JsonOverlay
{
    private static readonly string[] RowKeys = ["group", "id"];

    // Values that are rates or feeds: 0 would divide by zero, so they must be above it.
    private static readonly HashSet<string> Positive = new(StringComparer.Ordinal)
    {
        "vcMPerMin", "fMmPerRev", "fzMm", "apMm", "sawFeedMmPerMin", "rapidMPerMin", "endMillTeeth", "faceMillTeeth",
        "faceMillWidthFactor", "pocketStepoverFactor", "faceStepoverFactor", "endMillApMaxFactor", "grooveInsertWidthMm",
    };

    /// <summary>Merges <paramref name="overlay"/> into a copy of <paramref name="defaults"/>.</summary>
    public static JsonObject Merge(JsonObject defaults, JsonObject overlay, string overrideSource)
    {
        var merged = (JsonObject)defaults.DeepClone();
        MergeObject(merged, overlay, overrideSource);
        return merged;
    }

    /// <summary>The first number that is negative, not finite, or 0 where a rate must be above 0, as "path: reason".</summary>
    public static string? FirstBadNumber(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o)
                {
                    if (value is null && name != "source")
                    {
                        return $"field {o.GetPath()}.{name}: must have a value (leave it out to keep the default).";
                    }

                    if (value is JsonValue v && v.TryGetValue<double>(out var number) && (number < 0 || (number == 0 && Positive.Contains(name))))
                    {
                        return $"field {v.GetPath()}: must be {(Positive.Contains(name) ? "above" : "at least")} 0.";
                    }

                    if (FirstBadNumber(value) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonArray a:
                return a.Select(FirstBadNumber).FirstOrDefault(p => p is not null);
            default:
                return null;
        }
    }

    private static void MergeObject(JsonObject target, JsonObject overlay, string overrideSource)
    {
        var changed = false;
        foreach (var (name, value) in overlay)
        {
            if (target[name] is JsonObject inner && value is JsonObject innerOverlay)
            {
                MergeObject(inner, innerOverlay, overrideSource);
            }
            else if (target[name] is JsonArray rows && value is JsonArray overlayRows && KeyOf(overlayRows) is { } key)
            {
                MergeRows(rows, overlayRows, key, overrideSource);
            }
            else
            {
                target[name] = value?.DeepClone();
                changed |= name != "source";
            }
        }

        if (changed && !overlay.ContainsKey("source") && target.ContainsKey("source"))
        {
            target["source"] = $"{overrideSource} (over: {target["source"]})";
        }
    }

    private static void MergeRows(JsonArray rows, JsonArray overlayRows, string key, string overrideSource)
    {
        foreach (var row in overlayRows.OfType<JsonObject>())
        {
            var id = row[key]?.ToString();
            if (rows.OfType<JsonObject>().FirstOrDefault(r => r[key]?.ToString() == id) is { } existing)
            {
                MergeObject(existing, row, overrideSource);
            }
            else
            {
                var added = (JsonObject)row.DeepClone();
                if (rows.OfType<JsonObject>().Any(r => r.ContainsKey("source")))
                {
                    added.TryAdd("source", overrideSource);
                }
                rows.Add(added);
            }
        }
    }

    private static string? KeyOf(JsonArray rows) =>
        RowKeys.FirstOrDefault(k => rows.Count > 0 && rows.All(r => r is JsonObject o && o[k] is JsonValue));
}
