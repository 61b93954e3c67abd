using System.Text.Json;
using System.Text.Json.Nodes;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Core.Tests.ProcessPlanning;

/// <summary>The features and plan JSON contracts: exact names, enum codes, and a round trip that loses nothing.</summary>
public sealed class FeaturesContractTests
{
    private const string Contract = """
        { "partType": "COMBINED", "material": "C45E", "materialGroup": "steel",
          "stock": { "shape": "bar", "diameterMm": 50, "lengthMm": 120, "widthMm": 1, "heightMm": 2 },
          "features": [ { "id": "f1", "type": "thread_turning", "count": 2,
              "lengthMm": 20, "widthMm": 3, "depthMm": 4, "diameterMm": 20, "diameterFromMm": 22, "diameterToMm": 18, "through": false,
              "thread": "M20", "pitchMm": 2.5, "approachMm": 1.5, "travelMm": 30,
              "tool": { "diameterMm": 10, "teeth": 3 },
              "cutting": { "vcMPerMin": 80, "rpm": 1000, "fzMm": 0.1, "fMmPerRev": 0.2, "apMm": 1, "aeMm": 5 },
              "source": { "kind": "text_layer", "page": 1, "box": { "x": 1, "y": 2, "width": 3, "height": 4 }, "confidence": "high" } } ] }
        """;

    [Fact]
    public void Every_field_of_the_contract_reads_and_writes_back_unchanged()
    {
        var set = JsonSerializer.Deserialize<FeatureSet>(Contract, PlanningJson.Options)!;

        var written = JsonNode.Parse(JsonSerializer.Serialize(set, PlanningJson.Options))!;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Contract), written), written.ToJsonString());
        Assert.Equal((PartType.Combined, FeatureType.ThreadTurning, FactConfidence.High), (set.PartType, set.Features[0].Type, set.Features[0].Source!.Confidence));
    }

    [Theory]
    [InlineData("face_milling")]
    [InlineData("pocket_milling")]
    [InlineData("slot_milling")]
    [InlineData("contour_milling")]
    [InlineData("drilling")]
    [InlineData("reaming")]
    [InlineData("boring")]
    [InlineData("tapping")]
    [InlineData("turning")]
    [InlineData("facing")]
    [InlineData("grooving")]
    [InlineData("parting")]
    [InlineData("thread_turning")]
    [InlineData("chamfer")]
    [InlineData("sawing")]
    public void Every_feature_type_code_reads_and_writes_as_listed(string code)
    {
        var type = JsonSerializer.Deserialize<FeatureType>($"\"{code}\"", PlanningJson.Options);

        Assert.Equal(code, Json.JsonCode.Of(type));
    }

    [Fact]
    public void The_plan_has_exactly_the_contracts_fields()
    {
        var plan = Plans.Of("steel", new MachiningFeature { Id = "d", Type = FeatureType.Drilling, DiameterMm = 8 });

        var json = JsonNode.Parse(JsonSerializer.Serialize(plan, PlanningJson.Options))!.AsObject();

        Assert.Equal(["operations", "setupMin", "cycleMin", "cuttingMin", "cuttingDataVersion", "defaultsUsed"], json.Select(p => p.Key));
        var operation = json["operations"]![0]!.AsObject();
        Assert.Equal(["sequence", "workCentre", "kind", "clamping", "setupMin", "cycleMin", "cuttingMin", "nonCuttingMin", "tools", "lines"], operation.Select(p => p.Key));
        var line = operation["lines"]![0]!.AsObject();
        Assert.Equal(["featureId", "type", "count", "cuttingMin", "formula", "inputs"], line.Select(p => p.Key));
        Assert.Equal("drilling", (string?)line["type"]);
    }

    [Theory]
    [InlineData("""{ "features": [ { "type": "drill" } ] }""", "invalid_json", "field $.features[0].type")]
    [InlineData("""{ "features": [ { "type": "drilling", "diameterMn": 8 } ] }""", "invalid_json", "field $.features[0].diameterMn: unknown property")]
    [InlineData("""{ "features": [ { "count": 2 } ] }""", "invalid_json", "a required property is missing (type)")]
    [InlineData("""{ "features": [ { "type": "drilling", "count": 0 } ] }""", "invalid_value", "field $.features[0].count: must be at least 1")]
    [InlineData("""{ "features": [ { "type": "drilling", "diameterMm": -3 } ] }""", "invalid_value", "field $.features[0].diameterMm: must be above 0")]
    [InlineData("""{ "features": [ { "id": "a", "type": "drilling" }, { "id": "a", "type": "tapping" } ] }""", "invalid_value", "'a' is used twice")]
    public void A_bad_features_file_names_the_field(string json, string code, string message)
    {
        var read = JsonInputFile.Parse<FeatureSet>(json, "part.json", FeatureSetRules.Check);

        Assert.Null(read.Value);
        Assert.Equal(code, read.Error!.Code);
        Assert.Contains(message, read.Error.Message, StringComparison.Ordinal);
        Assert.StartsWith("part.json", read.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_json_names_its_line()
    {
        var read = JsonInputFile.Parse<FeatureSet>("{\n  \"features\": [\n    { \"type\": \"drilling\" \n  ]\n}", "part.json", FeatureSetRules.Check);

        Assert.Equal("invalid_json", read.Error!.Code);
        Assert.StartsWith("part.json line 4", read.Error.Message, StringComparison.Ordinal);
    }
}
