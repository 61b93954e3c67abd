using System.Globalization;
using System.Text.Json.Nodes;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Core.Estimating.Estimates;

/// <summary>The part features read from a reply, and what reading them set aside.</summary>
/// <param name="Features">The features, each sourced to the model with its confidence; <see langword="null"/> when the reply gave none usable.</param>
/// <param name="Warnings">One warning per feature dropped or value ignored.</param>
public sealed record PartFeaturesReadResult(FeatureSet? Features, IReadOnlyList<EstimateWarning> Warnings);

/// <summary>
/// Reads a reply's <c>part_features</c> (<see cref="PartFeaturesJson"/>) into the features contract, checked as a
/// features file is (<see cref="FeatureSetRules"/>), except that what breaks a rule is set aside with a warning rather
/// than failing the page: a feature of an unknown type, with a count below 1, a size of 0 or less or a value of the
/// wrong type is dropped; a part-level value the contract does not know is ignored; unknown fields are ignored. Sizes
/// of an inch drawing become millimetres (the answer's <c>inch_converted</c> warning says so). The page's minutes never
/// depend on it.
/// </summary>
public static class PartFeaturesReader
{
    private const string At = PartFeaturesJson.PropertyName;

    private static readonly string[] PartFields = ["partType", "material", "materialGroup", "stock", "features"];
    private static readonly string[] StockSizes = ["diameterMm", "lengthMm", "widthMm", "heightMm"];

    /// <summary>Reads <paramref name="node"/>, the reply's <c>part_features</c> (absent: <see langword="null"/>).</summary>
    /// <param name="node">The field's value.</param>
    /// <param name="units">The drawing's units, as the answer gives them.</param>
    /// <param name="answerConfidence">The answer's confidence: a feature's when it gives none.</param>
    public static PartFeaturesReadResult Read(JsonNode? node, DrawingUnits? units, Confidence answerConfidence)
    {
        if (node is not JsonObject part)
        {
            return new PartFeaturesReadResult(null, [new EstimateWarning(
                EstimateWarning.FeaturesMissing,
                node is null
                    ? $"The reply has no {At}; the model's reading has only the part's type, material and envelope."
                    : $"{At} {ReplyValues.Quote(node)} is not an object; the model's reading has only the part's type, material and envelope.")]);
        }

        var warnings = new List<EstimateWarning>();
        var unknown = Unknown(part, PartFields, At);
        var scale = units == DrawingUnits.Inches ? EstimateNormalizer.MillimetresPerInch : 1;
        var features = ModelFeatureItems.Read(part["features"], scale, ConfidenceOf(answerConfidence), warnings, unknown);
        var set = new FeatureSet
        {
            PartType = Code<ProcessPlanning.PartType>(part, "partType", warnings),
            Material = Text(part, "material", warnings),
            MaterialGroup = Group(part, warnings),
            Stock = StockOf(part["stock"], scale, warnings, unknown),
            Features = features,
        };
        if (unknown.Count > 0)
        {
            warnings.Add(new EstimateWarning(EstimateWarning.IgnoredUnknownFields, $"{At} had fields the features contract does not know; ignored: {string.Join(", ", unknown)}."));
        }

        return new PartFeaturesReadResult(set, warnings);
    }

    /// <summary>The features contract's confidence for an answer's.</summary>
    internal static FactConfidence ConfidenceOf(Confidence confidence) => confidence switch
    {
        Confidence.High => FactConfidence.High,
        Confidence.Medium => FactConfidence.Medium,
        _ => FactConfidence.Low,
    };

    /// <summary>The names of <paramref name="item"/>'s fields outside <paramref name="known"/>, as paths under <paramref name="path"/>.</summary>
    internal static List<string> Unknown(JsonObject item, string[] known, string path) =>
        [.. item.Select(p => p.Key).Where(name => !known.Contains(name, StringComparer.Ordinal)).Select(name => $"{path}.{name}")];

    /// <summary>A value scaled to millimetres, rounded to a thousandth.</summary>
    internal static double? Scaled(double? value, double scale) => value is { } v ? Math.Round(v * scale, 3) : null;

    private static T? Code<T>(JsonObject part, string field, List<EstimateWarning> warnings)
        where T : struct, Enum
    {
        if (ReplyValues.TryCode<T>(part[field], out var value))
        {
            return value;
        }

        warnings.Add(Ignored($"{At}.{field}", part[field], $"is not one of {string.Join(", ", Enum.GetValues<T>().Select(ReplyValues.CodeOf))}"));
        return null;
    }

    private static string? Text(JsonObject part, string field, List<EstimateWarning> warnings)
    {
        if (ReplyValues.TryText(part[field], out var text))
        {
            return text;
        }

        warnings.Add(Ignored($"{At}.{field}", part[field], "is not text"));
        return null;
    }

    private static string? Group(JsonObject part, List<EstimateWarning> warnings)
    {
        var given = Text(part, "materialGroup", warnings);
        var group = MaterialCatalog.Groups.FirstOrDefault(g => string.Equals(g, given?.Replace(' ', '_'), StringComparison.OrdinalIgnoreCase));
        if (given is not null && group is null)
        {
            warnings.Add(Ignored($"{At}.materialGroup", part["materialGroup"], $"is not one of {string.Join(", ", MaterialCatalog.Groups)}"));
        }

        return group;
    }

    private static Stock? StockOf(JsonNode? node, double scale, List<EstimateWarning> warnings, List<string> unknown)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not JsonObject stock)
        {
            warnings.Add(Ignored($"{At}.stock", node, "is not an object"));
            return null;
        }

        unknown.AddRange(Unknown(stock, ["shape", .. StockSizes], $"{At}.stock"));
        var sizes = new Dictionary<string, double?>(StringComparer.Ordinal);
        foreach (var name in StockSizes)
        {
            var fits = ReplyValues.TryNumber(stock[name], out var size) && size is null or > 0;
            if (!fits)
            {
                warnings.Add(Ignored($"{At}.stock.{name}", stock[name], "is not a size above 0"));
            }

            sizes[name] = fits ? Scaled(size, scale) : null;
        }

        var shape = ReplyValues.TryCode<StockShape>(stock["shape"], out var read) ? read : null;
        if (read is null && stock["shape"] is not null)
        {
            warnings.Add(Ignored($"{At}.stock.shape", stock["shape"], "is not bar, plate, block or tube"));
        }

        return shape is null && sizes.Values.All(v => v is null)
            ? null
            : new Stock { Shape = shape, DiameterMm = sizes["diameterMm"], LengthMm = sizes["lengthMm"], WidthMm = sizes["widthMm"], HeightMm = sizes["heightMm"] };
    }

    private static EstimateWarning Ignored(string path, JsonNode? value, string why) =>
        new(EstimateWarning.FeatureValueIgnored, string.Create(CultureInfo.InvariantCulture, $"{path} {ReplyValues.Quote(value)} {why}; it was ignored."));
}
