using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace TimeVision.Core.Estimating.Estimates;

/// <summary>The estimate contract's JSON: serializer settings and the published schema.</summary>
public static class EstimateJson
{
    private const string SchemaResource = "TimeVision.Core.Estimating.Estimates.page-estimate.schema.json";

    /// <summary>Keywords of the published schema that OpenAI's strict Structured Outputs do not accept.</summary>
    private static readonly string[] NotForStructuredOutputs = ["$schema", "$id", "title", "minimum", "exclusiveMaximum"];

    /// <summary>snake_case, strict: unknown members, missing required members and nulls in non-nullable members fail.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        NumberHandling = JsonNumberHandling.Strict,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = false,
    };

    /// <summary>
    /// <see cref="Options"/> for answers a model is taught to write (training examples): Czech letters and other text
    /// as themselves, escaped only where JSON requires it. The default encoder writes <c>\u00E9</c> for <c>é</c>, and a
    /// model fine-tuned on that learns to write escapes, at several times the tokens.
    /// </summary>
    public static JsonSerializerOptions AnswerOptions { get; } = new(Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The published contract (<c>page-estimate.schema.json</c>), as embedded in this assembly.</summary>
    public static string SchemaText { get; } = ReadSchema();

    /// <summary>
    /// The schema sent as <c>response_format</c> with Structured Outputs: the contract without the keywords strict
    /// mode rejects (range checks stay with TimeVision's own validation).
    /// </summary>
    public static BinaryData StructuredOutputSchema { get; } = ForStructuredOutputs(SchemaText, loose: false);

    /// <summary>
    /// The schema sent as non-strict json_schema: as <see cref="StructuredOutputSchema"/> without
    /// <c>additionalProperties</c>, which some providers (Gemini) reject.
    /// </summary>
    public static BinaryData LooseOutputSchema { get; } = ForStructuredOutputs(SchemaText, loose: true);

    /// <summary>
    /// <paramref name="schemaText"/> as sent in <c>response_format</c>: without the keywords strict mode rejects, and with
    /// <paramref name="loose"/> without <c>additionalProperties</c> too.
    /// </summary>
    internal static BinaryData ForStructuredOutputs(string schemaText, bool loose) => BinaryData.FromString(
        StripKeywords(JsonNode.Parse(schemaText)!, keywords: loose ? [.. NotForStructuredOutputs, "additionalProperties"] : NotForStructuredOutputs).ToJsonString());

    private static string ReadSchema()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(SchemaResource)
            ?? throw new InvalidOperationException($"Embedded resource {SchemaResource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static JsonNode StripKeywords(JsonNode node, bool isPropertyMap = false, string[]? keywords = null)
    {
        keywords ??= NotForStructuredOutputs;
        if (node is JsonObject obj)
        {
            // In a "properties" map the keys are field names, not keywords: leave them alone.
            if (!isPropertyMap)
            {
                foreach (var keyword in keywords)
                {
                    obj.Remove(keyword);
                }
            }

            foreach (var (key, child) in obj.ToList())
            {
                if (child is not null)
                {
                    StripKeywords(child, isPropertyMap: !isPropertyMap && key == "properties", keywords);
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array)
            {
                if (child is not null)
                {
                    StripKeywords(child, keywords: keywords);
                }
            }
        }

        return node;
    }
}
