using System.Reflection;
using System.Text.Json.Nodes;

namespace TimeVision.Core.Estimating.Estimates;

/// <summary>
/// The part features a vision model reads (<c>part-features.schema.json</c>: part type, material, stock and features in
/// the features contract's names, no minutes), and the reply of a prompt set that asks for them: the page estimate
/// with <c>part_features</c> as its first field, so the model reads the part before it reckons the time, in one answer.
/// </summary>
public static class PartFeaturesJson
{
    /// <summary>The reply field that holds the part features.</summary>
    public const string PropertyName = "part_features";

    private const string SchemaResource = "TimeVision.Core.Estimating.Estimates.part-features.schema.json";

    /// <summary>The published part-features contract, as embedded in this assembly.</summary>
    public static string SchemaText { get; } = ReadSchema();

    /// <summary>The reply's schema: the page estimate's (<see cref="EstimateJson.SchemaText"/>) with <see cref="PropertyName"/> first and required.</summary>
    public static string ReplySchemaText { get; } = BuildReplySchema();

    /// <summary>The reply's schema as sent with Structured Outputs (strict).</summary>
    public static BinaryData StructuredOutputSchema { get; } = EstimateJson.ForStructuredOutputs(ReplySchemaText, loose: false);

    /// <summary>The reply's schema as sent as non-strict json_schema, without <c>additionalProperties</c>.</summary>
    public static BinaryData LooseOutputSchema { get; } = EstimateJson.ForStructuredOutputs(ReplySchemaText, loose: true);

    /// <summary>
    /// The reply's schema of the features task (the <c>reading</c> prompt set): the part-features contract alone, without
    /// its long description (it speaks of the estimate's drawing units; the reading prompt asks for millimetres).
    /// </summary>
    public static string ReadingSchemaText { get; } = WithoutDocumentation(SchemaText);

    /// <summary><see cref="ReadingSchemaText"/> as sent with Structured Outputs (strict).</summary>
    public static BinaryData ReadingStructuredOutputSchema { get; } = EstimateJson.ForStructuredOutputs(ReadingSchemaText, loose: false);

    /// <summary><see cref="ReadingSchemaText"/> as sent as non-strict json_schema, without <c>additionalProperties</c>.</summary>
    public static BinaryData ReadingLooseOutputSchema { get; } = EstimateJson.ForStructuredOutputs(ReadingSchemaText, loose: true);

    private static string WithoutDocumentation(string schemaText)
    {
        var schema = JsonNode.Parse(schemaText)!.AsObject();
        foreach (var keyword in new[] { "$schema", "title", "description" })
        {
            schema.Remove(keyword);
        }

        return schema.ToJsonString();
    }

    private static string BuildReplySchema()
    {
        var estimate = JsonNode.Parse(EstimateJson.SchemaText)!.AsObject();
        var features = JsonNode.Parse(SchemaText)!.AsObject();
        // The prompt's features section says what the contract's long description says; the model is sent it once.
        foreach (var keyword in new[] { "$schema", "$id", "title", "description" })
        {
            features.Remove(keyword);
        }

        var properties = new JsonObject { [PropertyName] = features };
        foreach (var (name, schema) in estimate["properties"]!.AsObject())
        {
            properties[name] = schema!.DeepClone();
        }

        var required = new JsonArray(PropertyName);
        foreach (var name in estimate["required"]!.AsArray())
        {
            required.Add(name!.DeepClone());
        }

        estimate["properties"] = properties;
        estimate["required"] = required;
        estimate["$id"] = "urn:timevision:page-estimate-with-features:1";
        estimate["title"] = "TimeVision page estimate with the part's features";
        return estimate.ToJsonString();
    }

    private static string ReadSchema()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(SchemaResource)
            ?? throw new InvalidOperationException($"Embedded resource {SchemaResource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
