using System.Globalization;
using System.Text.Json.Serialization;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Json;
using TimeVision.Core.Learning.History;

namespace TimeVision.Core.Estimating.Offline;

/// <summary>
/// What the similarity of two parts is measured on (<see cref="Similarity"/>): what TimeVision knows of a part from its
/// sheets' text layer, and from a model's estimate only where the sheets have no text layer. Facts come first so that a
/// part has the same features whichever model answered it, and history indexed under one model still matches a part
/// estimated by another.
/// </summary>
public sealed record PartFeatures
{
    /// <summary>Roughness at or below this Ra (µm) counts as fine: it needs a finishing pass or grinding.</summary>
    public const double FineRoughnessRa = 1.6;

    /// <summary>Turned, prismatic or combined.</summary>
    public required PartType PartType { get; init; }

    /// <summary>Simple, medium or complex.</summary>
    public required Complexity Complexity { get; init; }

    /// <summary>The material's machinability group (<see cref="MaterialCatalog"/>), when known.</summary>
    public string? MaterialGroup { get; init; }

    /// <summary>The envelope's largest dimension in mm (length, width, height or diameter), when known.</summary>
    public double? LargestMm { get; init; }

    /// <summary>The envelope's second-largest dimension in mm, when known.</summary>
    public double? SecondMm { get; init; }

    /// <summary>The largest diameter in mm, when the part has one.</summary>
    public double? LargestDiameterMm { get; init; }

    /// <summary>Holes: diameter callouts smaller than half the envelope, with their repeat counts.</summary>
    public int Holes { get; init; }

    /// <summary>Threads, with their repeat counts.</summary>
    public int Threads { get; init; }

    /// <summary>Fits and tolerance classes (H7, h6, IT6).</summary>
    public int Fits { get; init; }

    /// <summary>Roughness callouts at or below <see cref="FineRoughnessRa"/>.</summary>
    public int FineRoughness { get; init; }

    /// <summary>The general tolerance class (ISO 2768 / GB/T 1804 <c>f</c>, <c>m</c>, <c>c</c>, <c>v</c>), when stated.</summary>
    public string? ToleranceClass { get; init; }

    /// <summary>
    /// The features of one part: from the first of its sheets with a text layer (type, complexity and envelope through
    /// the offline estimator's rules, counts summed over the sheets), else from <paramref name="estimate"/>; a label's
    /// corrections (part type, complexity, material) win over both. <see langword="null"/> when nothing is known.
    /// </summary>
    /// <param name="sheets">The facts of the part's sheets (those read).</param>
    /// <param name="estimate">The model's estimate of the part, if any.</param>
    /// <param name="label">The label, whose corrections win.</param>
    public static PartFeatures? From(IReadOnlyList<PageFacts> sheets, PageEstimate? estimate, ShopFeedback? label = null)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        var withText = sheets.Where(s => s.HasText).ToList();
        var basis = withText.Count > 0 ? OfflineEstimator.Estimate(withText[0]).Estimate : estimate;
        if (basis is null)
        {
            return null;
        }

        var inch = withText.FirstOrDefault()?.TitleBlock.Units?.Value == "inch";
        var dimensions = new[] { basis.MaxLengthMm, basis.MaxWidthMm, basis.MaxHeightMm, basis.MaxDiameterMm }
            .Where(d => d is > 0).Select(d => d!.Value).OrderDescending().ToList();
        var largest = dimensions.FirstOrDefault();
        var material = label?.Material is { } corrected ? MaterialCatalog.GroupOf(corrected)
            : withText.Select(s => s.TitleBlock.MaterialGroup).FirstOrDefault(g => g is not null) ?? MaterialCatalog.GroupOf(basis.MaterialDetected);
        return new PartFeatures
        {
            PartType = label?.PartType ?? basis.PartType,
            Complexity = label?.Complexity ?? basis.Complexity,
            MaterialGroup = material,
            LargestMm = dimensions.Count > 0 ? dimensions[0] : null,
            SecondMm = dimensions.Count > 1 ? dimensions[1] : null,
            LargestDiameterMm = basis.MaxDiameterMm is > 0 ? basis.MaxDiameterMm : null,
            Holes = withText.Sum(s => HolesOf(s.Features, largest, inch)),
            Threads = withText.Sum(s => s.Features.Threads.Count + Repeats(s.Features, c => c.Value.Contains('M', StringComparison.Ordinal))),
            Fits = withText.Sum(s => s.Features.Fits.Count),
            FineRoughness = withText.Sum(s => s.Features.Roughness.Count(r => r.Value.StartsWith("Ra", StringComparison.Ordinal) && r.Number is <= FineRoughnessRa)),
            ToleranceClass = withText.Select(s => ToleranceClassOf(s.TitleBlock.GeneralTolerance?.Value)).FirstOrDefault(c => c is not null),
        };
    }

    /// <summary>The class letter of an ISO 2768 or GB/T 1804 general tolerance (<c>ISO 2768-mK</c> → <c>m</c>), or <see langword="null"/>.</summary>
    public static string? ToleranceClassOf(string? generalTolerance)
    {
        if (generalTolerance is null)
        {
            return null;
        }

        var dash = generalTolerance.LastIndexOf('-');
        return dash >= 0 && dash + 1 < generalTolerance.Length && "fmcvFMCV".Contains(generalTolerance[dash + 1], StringComparison.Ordinal)
            ? char.ToLowerInvariant(generalTolerance[dash + 1]).ToString()
            : null;
    }

    private static int HolesOf(FeatureFacts features, double largestMm, bool inch)
    {
        var scale = inch ? 25.4 : 1;
        var holes = features.Diameters.Count(d => (d.Number ?? 0) * scale > 0 && (largestMm <= 0 || (d.Number ?? 0) * scale < largestMm / 2));
        return holes + Repeats(features, c => c.Value.Contains('Ø', StringComparison.Ordinal));
    }

    private static int Repeats(FeatureFacts features, Func<DrawingFact, bool> counts) =>
        features.Counts.Where(counts).Sum(c => Math.Max(0, (int)(c.Number ?? 1) - 1));

    /// <summary>The features as one line for a person: <c>ROT medium steel 120×40 mm Ø40, 2 holes, 1 thread</c>.</summary>
    [JsonIgnore]
    public string Summary => Invariant(
        $"{JsonCode.Of(PartType)} {JsonCode.Of(Complexity)} {MaterialGroup ?? "unknown material"}, {SizeText}{DiameterText}, {Holes} holes, {Threads} threads, {Fits} fits, {FineRoughness} fine roughness");

    private string SizeText => SecondMm is { } second ? Invariant($"{LargestMm:0.#} × {second:0.#} mm") : LargestMm is { } mm ? Invariant($"{mm:0.#} mm") : "unknown";

    private string DiameterText => LargestDiameterMm is { } d ? Invariant($", Ø{d:0.#}") : string.Empty;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
