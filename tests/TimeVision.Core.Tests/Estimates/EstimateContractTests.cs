using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Testing;
using TimeVision.Testing.FakeOpenAI;

namespace TimeVision.Core.Tests.Estimates;

/// <summary>The published schema and the C# records describe the same contract.</summary>
public sealed class EstimateContractTests
{
    private static readonly JsonObject Schema = JsonNode.Parse(EstimateJson.SchemaText)!.AsObject();

    [Fact]
    public void The_schema_file_in_the_repository_is_the_one_embedded()
    {
        var file = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "TimeVision.Core", "Estimating", "Estimates", "page-estimate.schema.json"));

        Assert.Equal(file, EstimateJson.SchemaText);
    }

    [Fact]
    public void Every_record_property_is_a_required_schema_property_and_nothing_else()
    {
        AssertSameShape(typeof(PageEstimate), Schema);
        AssertSameShape(typeof(BreakdownItem), Schema["properties"]!["breakdown"]!["items"]!.AsObject());
    }

    [Theory]
    [InlineData(typeof(PartType), "part_type")]
    [InlineData(typeof(Complexity), "complexity")]
    [InlineData(typeof(Confidence), "confidence")]
    [InlineData(typeof(DrawingUnits), "drawing_units")]
    public void Enum_names_match_the_schema(Type enumType, string property)
    {
        var names = enumType.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()!.Name);
        var allowed = Schema["properties"]![property]!["enum"]!.AsArray()
            .Where(v => v is not null).Select(v => v!.GetValue<string>());

        Assert.Equal(allowed.Order(), names.Order());
    }

    [Fact]
    public void A_serialized_estimate_reads_back_identically()
    {
        var read = EstimateReader.Read(SampleEstimates.ShaftJson());
        Assert.NotNull(read.Estimate);

        var json = JsonSerializer.Serialize(read.Estimate, EstimateJson.Options);
        var again = EstimateReader.Read(json);

        Assert.Null(again.Error);
        Assert.Equivalent(read.Estimate, again.Estimate, strict: true);
    }

    [Fact]
    public void The_structured_output_schema_drops_only_what_strict_mode_rejects()
    {
        var sent = JsonNode.Parse(EstimateJson.StructuredOutputSchema.ToString())!.AsObject();

        Assert.DoesNotContain("minimum", sent.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("$schema", sent.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(
            Schema["properties"]!.AsObject().Select(p => p.Key),
            sent["properties"]!.AsObject().Select(p => p.Key));
        Assert.False(sent["additionalProperties"]!.GetValue<bool>());
    }

    private static void AssertSameShape(Type record, JsonObject schema)
    {
        var properties = schema["properties"]!.AsObject();
        var required = schema["required"]!.AsArray().Select(r => r!.GetValue<string>()).ToHashSet();
        var nullability = new NullabilityInfoContext();
        var recordProperties = record.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .ToDictionary(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? p.Name);

        Assert.Equal(properties.Select(p => p.Key).Order(), recordProperties.Keys.Order());
        Assert.Equal(required.Order(), recordProperties.Keys.Order());
        foreach (var (name, property) in recordProperties)
        {
            var types = properties[name]!["type"] switch
            {
                JsonArray array => array.Select(t => t!.GetValue<string>()).ToArray(),
                var single => [single!.GetValue<string>()],
            };
            var nullableInCSharp = nullability.Create(property).ReadState == NullabilityState.Nullable;
            Assert.True(types.Contains("null") == nullableInCSharp, $"{record.Name}.{property.Name}: schema types [{string.Join(",", types)}], C# nullable {nullableInCSharp}.");
        }
    }
}
