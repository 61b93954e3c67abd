using System.Globalization;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Offline;

namespace TimeVision.Core.Learning.History;

/// <summary>What one feature contributed to a similarity score, for a person.</summary>
/// <param name="Feature">The feature: <c>part_type</c>, <c>material</c>, <c>size</c>, …</param>
/// <param name="Matched">Whether it counts for the pair (its own similarity is at least 0.7).</param>
/// <param name="Text">What was compared, e.g. <c>size 120 vs 118 mm</c>.</param>
public sealed record SimilarityReason(string Feature, bool Matched, string Text);

/// <summary>
/// The similarity of two parts, from 0 (nothing alike) to 1 (alike in everything measured): a weighted mean of one
/// similarity per feature, each from 0 to 1.
/// <list type="bullet">
/// <item>Part type (weight 3): equal 1; turned or prismatic against combined 0.5; turned against prismatic 0.</item>
/// <item>Material group (weight 2): equal 1; one unknown 0.5; different 0.</item>
/// <item>Size, on log dimensions because machining time grows with size's logarithm, not linearly: the largest
/// envelope dimension (weight 3), the second (1.5) and the largest diameter (1.5), each <c>exp(−|ln a − ln b| / 0.35)</c>,
/// so 20 % larger scores 0.59 and twice the size 0.14; both unknown 1, one unknown 0.5.</item>
/// <item>Complexity (weight 1.5): equal 1, one step apart 0.5, else 0.</item>
/// <item>Counts of holes, threads, fits (weight 1 each) and fine roughness callouts (0.75), each
/// <c>exp(−|ln(1+a) − ln(1+b)| / 0.5)</c>: 0 against 0 is 1, 4 against 5 is 0.64.</item>
/// <item>General tolerance class (weight 0.5): equal 1, one unknown 0.5, different 0.</item>
/// </list>
/// The weights put what drives spindle time first (the kind of machining, the material, the size) and the details
/// after. A visual similarity of the sheets is not part of it: the features already say what the sheets show, and
/// nothing measured here showed an image measure would rank better.
/// </summary>
public static class Similarity
{
    private const double SizeScale = 0.35;
    private const double CountScale = 0.5;
    private const double MatchedAt = 0.7;

    private static readonly double TotalWeight = 3 + 2 + 3 + 1.5 + 1.5 + 1.5 + 1 + 1 + 1 + 0.75 + 0.5;

    /// <summary>The score of <paramref name="candidate"/> against <paramref name="query"/>, from 0 to 1.</summary>
    public static double Score(PartFeatures query, PartFeatures candidate)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(candidate);
        var sum = (3 * PartTypes(query.PartType, candidate.PartType))
            + (2 * Categories(query.MaterialGroup, candidate.MaterialGroup))
            + (3 * Sizes(query.LargestMm, candidate.LargestMm))
            + (1.5 * Sizes(query.SecondMm, candidate.SecondMm))
            + (1.5 * Sizes(query.LargestDiameterMm, candidate.LargestDiameterMm))
            + (1.5 * Complexities(query.Complexity, candidate.Complexity))
            + Counts(query.Holes, candidate.Holes)
            + Counts(query.Threads, candidate.Threads)
            + Counts(query.Fits, candidate.Fits)
            + (0.75 * Counts(query.FineRoughness, candidate.FineRoughness))
            + (0.5 * Categories(query.ToleranceClass, candidate.ToleranceClass));
        return sum / TotalWeight;
    }

    /// <summary>What matched and what did not, in the order of the features' weights.</summary>
    public static IReadOnlyList<SimilarityReason> Reasons(PartFeatures query, PartFeatures candidate)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(candidate);
        return
        [
            Reason("part_type", PartTypes(query.PartType, candidate.PartType), $"part type {Json.JsonCode.Of(query.PartType)} vs {Json.JsonCode.Of(candidate.PartType)}"),
            Reason("material", Categories(query.MaterialGroup, candidate.MaterialGroup), $"material {query.MaterialGroup ?? "unknown"} vs {candidate.MaterialGroup ?? "unknown"}"),
            Reason("size", Sizes(query.LargestMm, candidate.LargestMm), $"largest dimension {Mm(query.LargestMm)} vs {Mm(candidate.LargestMm)}"),
            Reason("second_size", Sizes(query.SecondMm, candidate.SecondMm), $"second dimension {Mm(query.SecondMm)} vs {Mm(candidate.SecondMm)}"),
            Reason("diameter", Sizes(query.LargestDiameterMm, candidate.LargestDiameterMm), $"largest diameter {Mm(query.LargestDiameterMm)} vs {Mm(candidate.LargestDiameterMm)}"),
            Reason("complexity", Complexities(query.Complexity, candidate.Complexity), $"complexity {Json.JsonCode.Of(query.Complexity)} vs {Json.JsonCode.Of(candidate.Complexity)}"),
            Reason("holes", Counts(query.Holes, candidate.Holes), Invariant($"holes {query.Holes} vs {candidate.Holes}")),
            Reason("threads", Counts(query.Threads, candidate.Threads), Invariant($"threads {query.Threads} vs {candidate.Threads}")),
            Reason("fits", Counts(query.Fits, candidate.Fits), Invariant($"fits {query.Fits} vs {candidate.Fits}")),
            Reason("fine_roughness", Counts(query.FineRoughness, candidate.FineRoughness), Invariant($"fine roughness {query.FineRoughness} vs {candidate.FineRoughness}")),
            Reason("tolerance", Categories(query.ToleranceClass, candidate.ToleranceClass), $"tolerance class {query.ToleranceClass ?? "unknown"} vs {candidate.ToleranceClass ?? "unknown"}"),
        ];
    }

    private static SimilarityReason Reason(string feature, double similarity, string text) => new(feature, similarity >= MatchedAt, text);

    private static double PartTypes(PartType a, PartType b) =>
        a == b ? 1 : a == PartType.Combined || b == PartType.Combined ? 0.5 : 0;

    private static double Complexities(Complexity a, Complexity b) => Math.Abs((int)a - (int)b) switch { 0 => 1, 1 => 0.5, _ => 0 };

    private static double Categories(string? a, string? b) =>
        a is null || b is null ? 0.5 : string.Equals(a, b, StringComparison.OrdinalIgnoreCase) ? 1 : 0;

    private static double Sizes(double? a, double? b) => (a, b) switch
    {
        (null, null) => 1,
        ({ } x, { } y) when x > 0 && y > 0 => Math.Exp(-Math.Abs(Math.Log(x) - Math.Log(y)) / SizeScale),
        _ => 0.5,
    };

    private static double Counts(int a, int b) => Math.Exp(-Math.Abs(Math.Log(1 + a) - Math.Log(1 + b)) / CountScale);

    private static string Mm(double? value) => value is { } mm ? Invariant($"{mm:0.#} mm") : "unknown";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
