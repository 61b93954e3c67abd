using System.Text.Json;
using System.Text.Json.Nodes;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Estimating.Vision.Prompts;
using TimeVision.Testing.FakeOpenAI;

namespace TimeVision.Core.Tests.Estimates;

/// <summary>
/// The part features a model is asked for: the published schema names exactly the features contract's codes, the reply
/// schema puts them before the minutes, and a reply's features are read into the contract or set aside with a reason.
/// </summary>
public sealed class PartFeaturesContractTests
{
    private static readonly JsonObject Schema = JsonNode.Parse(PartFeaturesJson.SchemaText)!.AsObject();

    [Fact]
    public void The_schema_names_every_feature_type_material_group_part_type_and_stock_shape_the_engine_knows()
    {
        var item = Schema["properties"]!["features"]!["items"]!["properties"]!;

        Assert.Equal(Enum.GetValues<FeatureType>().Select(Code), Codes(item["type"]!));
        Assert.Equal([.. MaterialCatalog.Groups, null], Codes(Schema["properties"]!["materialGroup"]!));
        Assert.Equal([.. Enum.GetValues<Estimating.ProcessPlanning.PartType>().Select(Code), null], Codes(Schema["properties"]!["partType"]!));
        Assert.Equal([.. Enum.GetValues<StockShape>().Select(Code), null], Codes(Schema["properties"]!["stock"]!["properties"]!["shape"]!));
        Assert.Equal([.. Enum.GetValues<FactConfidence>().Select(Code), null], Codes(item["confidence"]!));
        Assert.DoesNotContain("estimated_time_min", PartFeaturesJson.SchemaText, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reply_asks_for_the_features_first_then_every_field_of_the_estimate_all_required()
    {
        var reply = JsonNode.Parse(PartFeaturesJson.ReplySchemaText)!;
        var estimate = JsonNode.Parse(EstimateJson.SchemaText)!;

        Assert.Equal(
            [PartFeaturesJson.PropertyName, .. estimate["properties"]!.AsObject().Select(p => p.Key)],
            reply["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal(reply["properties"]!.AsObject().Select(p => p.Key), reply["required"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.StartsWith("Odpověz pouze jedním objektem JSON", ReplyShape.WithFeaturesText, StringComparison.Ordinal);
        Assert.Contains("\n  \"part_features\": {\"partType\": \"PRI\" | \"ROT\" | \"COMBINED\" | null,", ReplyShape.WithFeaturesText, StringComparison.Ordinal);
        Assert.Contains("\"stock\": {\"shape\": \"bar\" | \"plate\" | \"block\" | \"tube\" | null, \"diameterMm\": number | null", ReplyShape.WithFeaturesText, StringComparison.Ordinal);
        Assert.EndsWith(ReplyShape.Text[ReplyShape.Text.IndexOf("\"part_type\"", StringComparison.Ordinal)..], ReplyShape.WithFeaturesText, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_the_model_gives_twice_or_not_at_all_are_made_unique_by_position()
    {
        var features = SampleEstimates.ShaftFeatures();
        features["features"]![1]!["id"] = "f1";
        features["features"]![2]!["id"] = null;

        var read = PartFeaturesReader.Read(features, DrawingUnits.Millimetres, Confidence.Medium);

        Assert.Equal(["f1", "m2", "m3", "f4"], read.Features!.Features.Select(f => f.Id));
        Assert.Empty(read.Warnings);
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("\"none\"")]
    public void Part_features_that_are_not_an_object_leave_the_reading_to_the_answer_and_say_so(string json)
    {
        var read = PartFeaturesReader.Read(JsonNode.Parse(json), DrawingUnits.Millimetres, Confidence.High);

        Assert.Null(read.Features);
        Assert.Equal(EstimateWarning.FeaturesMissing, Assert.Single(read.Warnings).Code);
    }

    [Fact]
    public void A_stock_size_of_zero_and_unknown_fields_are_ignored_with_warnings_and_a_feature_without_confidence_takes_the_answers()
    {
        var features = SampleEstimates.ShaftFeatures();
        features["stock"]!["lengthMm"] = 0;
        features["note"] = "turned from bar";
        features["features"]![0]!["confidence"] = null;
        features["features"]![0]!["tolerance"] = "h7";

        var read = PartFeaturesReader.Read(features, DrawingUnits.Millimetres, Confidence.Low);

        Assert.Equal((StockShape.Bar, 4.0, (double?)null), (read.Features!.Stock!.Shape!.Value, read.Features.Stock.DiameterMm!.Value, read.Features.Stock.LengthMm));
        Assert.Equal(FactConfidence.Low, read.Features.Features[0].Source!.Confidence);
        Assert.Equal(
            [
                (EstimateWarning.FeatureValueIgnored, "part_features.stock.lengthMm 0 is not a size above 0; it was ignored."),
                (EstimateWarning.IgnoredUnknownFields, "part_features had fields the features contract does not know; ignored: part_features.note, part_features.features[0].tolerance."),
            ],
            read.Warnings.Select(w => (w.Code, w.Message)));
    }

    private static string Code<T>(T value)
        where T : struct, Enum => JsonSerializer.Serialize(value).Trim('"');

    private static List<string?> Codes(JsonNode schema) => [.. schema["enum"]!.AsArray().Select(v => v?.GetValue<string>())];
}
