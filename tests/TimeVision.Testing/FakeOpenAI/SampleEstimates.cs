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
