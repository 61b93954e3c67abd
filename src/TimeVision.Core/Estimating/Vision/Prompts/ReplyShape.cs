using System.Text;
using System.Text.Json.Nodes;
using TimeVision.Core.Estimating.Estimates;

namespace TimeVision.Core.Estimating.Vision.Prompts;

/// <summary>
/// The reply's JSON shape written out for the prompt, for requests that do not carry the schema
/// (<c>json_object</c> and <c>none</c>). Generated from the published contracts, so it cannot drift from them.
/// </summary>
public static class ReplyShape
{
    /// <summary>The section appended to the user text.</summary>
    public static string Text { get; } = Build(EstimateJson.SchemaText);

    /// <summary>The section appended to the user text of a set that reads features: the estimate with <c>part_features</c> first.</summary>
    public static string WithFeaturesText { get; } = Build(PartFeaturesJson.ReplySchemaText);

    /// <summary>The section appended to the user text of the <c>reading</c> set: the part-features contract alone.</summary>
    public static string ReadingText { get; } = Build(PartFeaturesJson.SchemaText);

    private static string Build(string schemaText)
    {
        var properties = JsonNode.Parse(schemaText)!["properties"]!.AsObject();
        var shape = new StringBuilder("Odpověz pouze jedním objektem JSON přesně v tomto tvaru (všechna pole, žádná další):\n{\n");
        foreach (var (name, schema) in properties)
        {
            shape.Append("  \"").Append(name).Append("\": ").Append(Describe(schema!.AsObject())).Append(",\n");
        }

        shape.Length -= 2; // the last comma
        return shape.Append("\n}").ToString();
    }

    private static string Describe(JsonObject schema)
    {
        if (schema["enum"] is JsonArray values)
        {
            return string.Join(" | ", values.Select(v => v is null ? "null" : $"\"{v.GetValue<string>()}\""));
        }

        var types = schema["type"] is JsonArray many ? many.Select(t => t!.GetValue<string>()).ToList() : [schema["type"]!.GetValue<string>()];
        return string.Join(" | ", types.Select(type => type switch
        {
            "string" => "\"text\"",
            "number" => "number",
            "object" when schema["properties"] is JsonObject properties =>
                "{" + string.Join(", ", properties.Select(p => $"\"{p.Key}\": {Describe(p.Value!.AsObject())}")) + "}",
            "array" => $"[{Describe(schema["items"]!.AsObject())}]",
            _ => type,
        }));
    }
}
