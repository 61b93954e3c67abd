using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Core.Estimating.Estimates;

/// <summary>
/// The <c>features</c> list of a reply's <c>part_features</c>: each item a <see cref="MachiningFeature"/> sourced to the
/// model, or dropped with a warning when it breaks a rule a features file is held to.
/// </summary>
internal static class ModelFeatureItems
{
    private const string At = PartFeaturesJson.PropertyName + ".features";

    /// <summary>Sizes that must be above 0 when given.</summary>
    private static readonly string[] PositiveSizes = ["lengthMm", "widthMm", "depthMm", "diameterMm", "diameterFromMm", "pitchMm"];

    private static readonly string[] Fields =
        ["id", "type", "count", .. PositiveSizes, "diameterToMm", "through", "thread", "confidence"];

    /// <summary>The features <paramref name="node"/> lists, with ids unique (the model's, else <c>m1</c>, <c>m2</c>, … by position).</summary>
    /// <param name="node">The list.</param>
    /// <param name="scale">Millimetres per drawing unit.</param>
    /// <param name="fallback">The confidence of a feature that gives none: the answer's.</param>
    /// <param name="warnings">Gets one warning per feature dropped.</param>
    /// <param name="unknown">Gets the paths of fields the contract does not know (they are ignored).</param>
    public static IReadOnlyList<MachiningFeature> Read(JsonNode? node, double scale, FactConfidence fallback, List<EstimateWarning> warnings, List<string> unknown)
    {
        if (node is not JsonArray items)
        {
            if (node is not null)
            {
                warnings.Add(new EstimateWarning(EstimateWarning.FeatureDropped, $"{At} {ReplyValues.Quote(node)} is not a list; no feature was read."));
            }

            return [];
        }

        var features = new List<MachiningFeature>();
        for (var i = 0; i < items.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"{At}[{i}]");
            var (feature, problem) = ReadOne(items[i], scale, fallback);
            if (feature is null)
            {
                warnings.Add(new EstimateWarning(EstimateWarning.FeatureDropped, $"{path} was dropped: {problem}."));
                continue;
            }

            unknown.AddRange(PartFeaturesReader.Unknown((JsonObject)items[i]!, Fields, path));
            var id = feature.Id is { } given && features.All(f => f.Id != given) ? given : string.Create(CultureInfo.InvariantCulture, $"m{i + 1}");
            features.Add(feature with { Id = id });
        }

        return features;
    }

    private static (MachiningFeature? Feature, string? Problem) ReadOne(JsonNode? node, double scale, FactConfidence fallback)
    {
        if (node is not JsonObject item)
        {
            return (null, $"{ReplyValues.Quote(node)} is not an object");
        }

        if (!ReplyValues.TryCode<FeatureType>(item["type"], out var type) || type is null)
        {
            return (null, item["type"] is null ? "it has no type" : $"type {ReplyValues.Quote(item["type"])} is not one of the feature types");
        }

        if (!ReplyValues.TryWhole(item["count"], out var count) || count is < 1)
        {
            return (null, $"count {ReplyValues.Quote(item["count"])} is not a whole number of at least 1");
        }

        var sizes = new Dictionary<string, double?>(StringComparer.Ordinal);
        foreach (var name in PositiveSizes.Append("diameterToMm"))
        {
            if (!ReplyValues.TryNumber(item[name], out var size) || size is < 0 || (size is 0 && name != "diameterToMm"))
            {
                return (null, $"{name} {ReplyValues.Quote(item[name])} is not {(name == "diameterToMm" ? "a size of 0 or more" : "a size above 0")}");
            }

            sizes[name] = PartFeaturesReader.Scaled(size, scale);
        }

        if (OtherProblem(item, out var id, out var through, out var thread, out var confidence) is { } problem)
        {
            return (null, problem);
        }

        return (new MachiningFeature
        {
            Id = id, Type = type.Value, Count = count, Through = through, Thread = thread,
            LengthMm = sizes["lengthMm"], WidthMm = sizes["widthMm"], DepthMm = sizes["depthMm"], DiameterMm = sizes["diameterMm"],
            DiameterFromMm = sizes["diameterFromMm"], DiameterToMm = sizes["diameterToMm"], PitchMm = sizes["pitchMm"],
            Source = new FeatureSource(FeatureSourceKind.Model, Confidence: confidence ?? fallback),
        }, null);
    }

    private static string? OtherProblem(JsonObject item, out string? id, out bool? through, out string? thread, out FactConfidence? confidence)
    {
        (through, thread, confidence) = (null, null, null);
        id = item["id"] is JsonValue number && number.GetValueKind() == JsonValueKind.Number ? number.ToJsonString() : null;
        if (id is null && !ReplyValues.TryText(item["id"], out id))
        {
            return $"id {ReplyValues.Quote(item["id"])} is not text";
        }

        return !ReplyValues.TryFlag(item["through"], out through) ? $"through {ReplyValues.Quote(item["through"])} is not true or false"
            : !ReplyValues.TryText(item["thread"], out thread) ? $"thread {ReplyValues.Quote(item["thread"])} is not text"
            : !ReplyValues.TryCode(item["confidence"], out confidence) ? $"confidence {ReplyValues.Quote(item["confidence"])} is not low, medium or high"
            : null;
    }
}
