using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using TimeVision.Core.Estimating.Facts;

namespace TimeVision.Core.Estimating.Estimates;

/// <summary>The outcome of reading a model's reply as an estimate.</summary>
/// <param name="Estimate">The normalised estimate, when the reply was valid.</param>
/// <param name="Warnings">What normalisation changed.</param>
/// <param name="Error">Why the reply is not a valid estimate, when it is not.</param>
public sealed record EstimateReadResult(PageEstimate? Estimate, IReadOnlyList<EstimateWarning> Warnings, string? Error)
{
    /// <summary>The part's features the reply read, when they were asked for and it gave them (<see cref="PartFeaturesReader"/>).</summary>
    public ProcessPlanning.FeatureSet? Features { get; init; }
}

/// <summary>
/// Reads a model's reply as a <see cref="PageEstimate"/>: finds the JSON (tolerating code fences and prose around it),
/// completes what the reply left out (<see cref="ReplyCompletion"/>), checks it against the published schema, then
/// normalises it. A reply asked for the part's features too carries them in <c>part_features</c>, read apart
/// (<see cref="PartFeaturesReader"/>): what is wrong there drops features with warnings, never the estimate.
/// </summary>
public static class EstimateReader
{
    private const int MaxReportedErrors = 5;
    private const string InchesWithFeatures = "The drawing is dimensioned in inches; the envelope and the part's features were converted to millimetres.";

    private static readonly JsonSchema Schema = JsonSchema.FromText(EstimateJson.SchemaText);

    /// <summary>Reads <paramref name="reply"/>.</summary>
    /// <param name="reply">The model's reply text.</param>
    /// <param name="facts">The page's text-layer facts, which fill fields the reply left out.</param>
    /// <param name="readsFeatures">Whether the reply was asked for <c>part_features</c> (<see cref="PartFeaturesJson"/>).</param>
    public static EstimateReadResult Read(string? reply, PageFacts? facts = null, bool readsFeatures = false)
    {
        var (answer, error) = Parse(reply);
        if (answer is null)
        {
            return Invalid(error!);
        }

        JsonNode? partFeatures = null;
        if (readsFeatures && answer.TryGetPropertyValue(PartFeaturesJson.PropertyName, out partFeatures))
        {
            answer.Remove(PartFeaturesJson.PropertyName);
        }

        var read = ReadEstimate(answer, facts);
        if (!readsFeatures || read.Estimate is not { } estimate)
        {
            return read;
        }

        var features = PartFeaturesReader.Read(partFeatures, estimate.DrawingUnits, estimate.Confidence);
        var warnings = read.Warnings.Select(w => w.Code == EstimateWarning.InchConverted && features.Features is not null ? w with { Message = InchesWithFeatures } : w);
        return read with { Warnings = [.. warnings, .. features.Warnings], Features = features.Features };
    }

    private static (JsonObject? Answer, string? Error) Parse(string? reply)
    {
        var json = ReplyText.ExtractJson(reply);
        if (json is null)
        {
            return (null, "The reply contains no JSON object.");
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException exception)
        {
            return (null, $"The reply is not valid JSON: {exception.Message}");
        }

        return node is JsonObject answer ? (answer, null) : (null, "The reply's JSON is not an object.");
    }

    private static EstimateReadResult ReadEstimate(JsonObject answer, PageFacts? facts)
    {
        var completion = ReplyCompletion.Complete(answer, facts);
        if (completion.Reply is null)
        {
            return new EstimateReadResult(null, completion.Warnings, completion.Error);
        }

        var evaluation = Schema.Evaluate(JsonSerializer.SerializeToElement(answer), new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!evaluation.IsValid)
        {
            var problems = (evaluation.Details ?? [])
                .Where(detail => detail.Errors is { Count: > 0 })
                .SelectMany(detail => detail.Errors!.Select(error => $"{Location(detail)}: {error.Value}"))
                .Distinct()
                .Take(MaxReportedErrors);
            return Invalid($"The reply does not match the estimate contract: {string.Join("; ", problems)}");
        }

        var estimate = answer.Deserialize<PageEstimate>(EstimateJson.Options)
            ?? throw new InvalidOperationException("A schema-valid estimate deserialized to null.");
        var (normalized, warnings) = EstimateNormalizer.Normalize(estimate);
        return new EstimateReadResult(normalized, [.. completion.Warnings, .. warnings], null);
    }

    private static string Location(EvaluationResults detail)
    {
        var location = detail.InstanceLocation.ToString();
        return string.IsNullOrEmpty(location) ? "/" : location;
    }

    private static EstimateReadResult Invalid(string error) => new(null, [], error);
}
