using System.Text;
using System.Text.Json.Nodes;
using TimeVision.Core.Estimating.Estimates;

namespace TimeVision.Core.Estimating.Vision.Prompts;

/// <summary>
/// The reply's JSON shape written out for the prompt, for requests that do not carry the schema
/// (<c>json_object</c> and <c>none</c>). Generated from the published contract, so it cannot drift from it.
/// </summary>
public static class ReplyShape
{
    /// <summary>The section appended to the user text.</summary>
    public static string Text { get; } = Build();

    private static string Build()
    {
        var properties = JsonNode.Parse(EstimateJson.SchemaText)!["properties"]!.AsObject();
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
            "array" when schema["items"] is JsonObject { } items && items["properties"] is JsonObject itemProperties =>
                "[{" + string.Join(", ", itemProperties.Select(p => $"\"{p.Key}\": {Describe(p.Value!.AsObject())}")) + "}]",
            "array" => $"[{Describe(schema["items"]!.AsObject())}]",
            _ => type,
        }));
    }
}
