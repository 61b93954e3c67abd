using System.Text.Json.Nodes;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Json;

namespace TimeVision.Core.Learning.Training;

/// <summary>
/// The assistant answer a features example teaches: the confirmed features in the reading reply's shape
/// (<see cref="PartFeaturesJson.ReadingSchemaText"/>: every field present, <see langword="null"/> where not known, sizes
/// in mm), each feature at <c>high</c> confidence since a person confirmed it, in natural text (no <c>\uXXXX</c> for
/// Czech letters). Tool, cutting data, approach and travel, which the reply does not carry, are left out.
/// </summary>
public static class FeatureAnswer
{
    private static readonly string[] Sizes = ["lengthMm", "widthMm", "depthMm", "diameterMm", "diameterFromMm", "diameterToMm"];

    /// <summary>The answer for <paramref name="features"/>, as JSON text.</summary>
    /// <param name="features">The confirmed features.</param>
    public static string Build(FeatureSet features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var stock = features.Stock;
        var answer = new JsonObject
        {
            ["partType"] = features.PartType is { } type ? JsonCode.Of(type) : null,
            ["material"] = features.Material,
            ["materialGroup"] = features.MaterialGroup,
            ["stock"] = new JsonObject
            {
                ["shape"] = stock?.Shape is { } shape ? JsonCode.Of(shape) : null,
                ["diameterMm"] = stock?.DiameterMm,
                ["lengthMm"] = stock?.LengthMm,
                ["widthMm"] = stock?.WidthMm,
                ["heightMm"] = stock?.HeightMm,
            },
            ["features"] = new JsonArray([.. features.Features.Select(Feature)]),
        };
        return answer.ToJsonString(EstimateJson.AnswerOptions);
    }

    private static JsonObject Feature(MachiningFeature feature)
    {
        double?[] sizes = [feature.LengthMm, feature.WidthMm, feature.DepthMm, feature.DiameterMm, feature.DiameterFromMm, feature.DiameterToMm];
        var item = new JsonObject { ["id"] = feature.Id, ["type"] = JsonCode.Of(feature.Type), ["count"] = feature.Count ?? 1 };
        for (var i = 0; i < Sizes.Length; i++)
        {
            item[Sizes[i]] = sizes[i];
        }

        item["through"] = feature.Through;
        item["thread"] = feature.Thread;
        item["pitchMm"] = feature.PitchMm;
        item["confidence"] = "high";
        return item;
    }
}
