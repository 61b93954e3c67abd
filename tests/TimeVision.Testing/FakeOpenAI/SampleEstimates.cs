using System.Text.Json.Nodes;

namespace TimeVision.Testing.FakeOpenAI;

/// <summary>Estimate replies in the contract's shape, for scripting the fake model.</summary>
public static class SampleEstimates
{
    /// <summary>A turned shaft: 2.4 min over three operations, metric, all fields present.</summary>
    public static JsonObject Shaft(
        double total = 2.4,
        double[]? breakdown = null,
        string units = "mm",
        double diameter = 4,
        double length = 33.4,
        string partType = "ROT")
    {
        var times = breakdown ?? [0.9, 1.2, 0.3];
        string[] names = ["Soustružení čela a průměru", "Frézování plošky", "Upíchnutí a sražení"];
        return new JsonObject
        {
            ["part_type"] = partType,
            ["complexity"] = "medium",
            ["material_detected"] = "Stainless Steel",
            ["max_diameter_mm"] = diameter,
            ["max_length_mm"] = length,
            ["max_width_mm"] = null,
            ["max_height_mm"] = null,
            ["manufacturing_description"] = "Hřídel soustružená z tyče, ploška frézovaná.",
            ["operations"] = new JsonArray(names.Take(times.Length).Select(n => (JsonNode)JsonValue.Create(n)!).ToArray()),
            ["estimated_time_min"] = total,
            ["confidence"] = "medium",
            ["reasoning"] = "Malý čep, nerez ×1,2.",
            ["breakdown"] = new JsonArray(times.Select((t, i) => (JsonNode)new JsonObject
            {
                ["operation"] = names[i % names.Length],
                ["time_min"] = t,
                ["notes"] = null,
            }).ToArray()),
            ["drawing_number"] = "ODRI-MS-01",
            ["part_name"] = "Motor Shaft",
            ["drawing_units"] = units,
        };
    }

    /// <summary><see cref="Shaft"/> as reply text.</summary>
    public static string ShaftJson(double total = 2.4, double[]? breakdown = null, string units = "mm") =>
        Shaft(total, breakdown, units).ToJsonString();

    /// <summary>
    /// What the ODRI motor shaft's sheet shows to machine, as a model asked for <c>part_features</c> reads it: a Ø4
    /// stainless bar 33.4 long, both ends faced, a milled flat, two chamfers and the part-off.
    /// </summary>
    public static JsonObject ShaftFeatures(string partType = "ROT") => new()
    {
        ["partType"] = partType,
        ["material"] = "Stainless Steel",
        ["materialGroup"] = "stainless_steel",
        ["stock"] = new JsonObject { ["shape"] = "bar", ["diameterMm"] = 4, ["lengthMm"] = 33.4, ["widthMm"] = null, ["heightMm"] = null },
        ["features"] = new JsonArray(
            Feature("f1", "facing", 2, "high", ("diameterFromMm", 4), ("diameterToMm", 0)),
            Feature("f2", "face_milling", 1, "medium", ("lengthMm", 10), ("widthMm", 3), ("depthMm", 0.5)),
            Feature("f3", "chamfer", 2, "high", ("lengthMm", 0.3)),
            Feature("f4", "parting", 1, "medium", ("diameterMm", 4))),
    };

    /// <summary>The shaft's estimate with its <see cref="ShaftFeatures"/> as <c>part_features</c>, first, as a set that reads features asks.</summary>
    public static JsonObject ShaftWithFeatures(double total = 2.4, string units = "mm", JsonNode? features = null)
    {
        var reply = new JsonObject { ["part_features"] = features ?? ShaftFeatures() };
        foreach (var (name, value) in Shaft(total, units: units))
        {
            reply[name] = value?.DeepClone();
        }

        return reply;
    }

    /// <summary>
    /// The shaft as a model answers <paramref name="request"/>: its <see cref="ShaftFeatures"/> alone for a reading (the
    /// features task's <c>reading</c> prompt, <see cref="IsReading"/>); with <c>part_features</c> when an estimate asks
    /// for them (its schema holds the field, or its prompt names it); else in the estimate's shape alone (the fine-tune's).
    /// </summary>
    public static string AnswerTo(RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (IsReading(request))
        {
            return ShaftFeatures().ToJsonString();
        }

        var schema = request.Body["response_format"]?["json_schema"]?["schema"]?["properties"] as JsonObject;
        var asked = schema?.ContainsKey("part_features") ?? request.SystemText.Contains("part_features", StringComparison.Ordinal);
        return (asked ? ShaftWithFeatures() : Shaft()).ToJsonString();
    }

    /// <summary>
    /// Whether <paramref name="request"/> is a reading of the features task rather than an estimate: its schema is the
    /// part-features contract (a <c>features</c> list, no minutes), or, without a schema, its user text asks for that shape.
    /// </summary>
    public static bool IsReading(RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var schema = request.Body["response_format"]?["json_schema"]?["schema"]?["properties"] as JsonObject;
        return schema is not null
            ? schema.ContainsKey("features") && !schema.ContainsKey("estimated_time_min")
            : request.UserText.Contains("partType, material, materialGroup, stock a features", StringComparison.Ordinal);
    }

    /// <summary>Every request answered as <see cref="AnswerTo"/> answers it: a fallback for the fake server.</summary>
    public static FakeReply Reply(RecordedRequest request) => new FakeReply.Content(AnswerTo(request));

    /// <summary>One feature in the features contract's names, every field given (null when not set), as strict mode asks.</summary>
    public static JsonObject Feature(string id, string type, int count, string confidence, params (string Name, double Value)[] sizes)
    {
        var feature = new JsonObject { ["id"] = id, ["type"] = type, ["count"] = count };
        foreach (var name in new[] { "lengthMm", "widthMm", "depthMm", "diameterMm", "diameterFromMm", "diameterToMm" })
        {
            feature[name] = sizes.Any(s => s.Name == name) ? sizes.First(s => s.Name == name).Value : null;
        }

        feature["through"] = null;
        feature["thread"] = null;
        feature["pitchMm"] = sizes.Any(s => s.Name == "pitchMm") ? sizes.First(s => s.Name == "pitchMm").Value : null;
        feature["confidence"] = confidence;
        return feature;
    }

    /// <summary>
    /// The 13 fields of the original contract, the shape the shop's fine-tuned model was trained to produce: the shaft
    /// without <c>drawing_number</c>, <c>part_name</c> and <c>drawing_units</c>.
    /// </summary>
    public static JsonObject OriginalShape(double total = 2.4)
    {
        var reply = Shaft(total);
        reply.Remove("drawing_number");
        reply.Remove("part_name");
        reply.Remove("drawing_units");
        return reply;
    }
}
