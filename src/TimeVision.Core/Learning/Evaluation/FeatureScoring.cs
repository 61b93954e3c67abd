using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Learning.Training;

namespace TimeVision.Core.Learning.Evaluation;

/// <summary>One size of a paired feature, confirmed and read.</summary>
/// <param name="Field">The field, e.g. <c>diameterMm</c>.</param>
/// <param name="Confirmed">The confirmed size.</param>
/// <param name="Read">The size read.</param>
public sealed record SizeReading(string Field, double Confirmed, double Read)
{
    /// <summary>|read − confirmed| / confirmed, in percent.</summary>
    public double PercentError => FeatureMatcher.Relative(Confirmed, Read) * 100;
}

/// <summary>How a model read one feature type of one document.</summary>
/// <param name="Type">The feature type.</param>
/// <param name="Confirmed">Confirmed features of the type.</param>
/// <param name="Read">Features of the type the model read (within the label's scope).</param>
/// <param name="Matched">Pairs (<see cref="FeatureMatcher"/>).</param>
/// <param name="WrongCounts">Pairs whose counts differ.</param>
/// <param name="CountErrors">Each pair's read count − confirmed count.</param>
/// <param name="Sizes">Every size both sides of a pair give.</param>
public sealed record FeatureTypeTally(FeatureType Type, int Confirmed, int Read, int Matched, int WrongCounts, IReadOnlyList<int> CountErrors, IReadOnlyList<SizeReading> Sizes);

/// <summary>How a model read one document against its confirmed features.</summary>
/// <param name="Types">Per feature type either side has, in the enum's order.</param>
/// <param name="Missed">Confirmed features the model did not read.</param>
/// <param name="Extra">Features the model read that are not confirmed.</param>
public sealed record FeatureScore(IReadOnlyList<FeatureTypeTally> Types, IReadOnlyList<MachiningFeature> Missed, IReadOnlyList<MachiningFeature> Extra);

/// <summary>
/// Scores a model's reading against a document's confirmed features: within the label's scope
/// (<see cref="FeatureLabel.Types"/>: a text-layer label speaks for holes, threads and chamfers only), features are paired
/// by <see cref="FeatureMatcher"/>; per type, how many were confirmed, read and paired (precision = paired / read,
/// recall = paired / confirmed), which pairs got the count wrong and by how much, and each size both sides give
/// (length, width, depth, the diameters, pitch) with its error in percent of the confirmed size. Pure.
/// </summary>
public static class FeatureScoring
{
    /// <summary>Scores <paramref name="read"/> against <paramref name="label"/>.</summary>
    /// <param name="read">The model's features.</param>
    /// <param name="label">The confirmed features.</param>
    public static FeatureScore Score(FeatureSet read, FeatureLabel label)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(label);
        var inScope = read.Features.Where(f => label.Covers(f.Type)).ToList();
        var (matches, missed, extra) = FeatureMatcher.Match(label.Features.Features, inScope);
        var types = label.Features.Features.Select(f => f.Type).Concat(inScope.Select(f => f.Type)).Distinct().Order();
        var tallies = types.Select(type =>
        {
            var paired = matches.Where(m => m.Confirmed.Type == type).ToList();
            var countErrors = paired.Select(m => (m.Read.Count ?? 1) - (m.Confirmed.Count ?? 1)).ToList();
            return new FeatureTypeTally(
                type,
                label.Features.Features.Count(f => f.Type == type),
                inScope.Count(f => f.Type == type),
                paired.Count,
                countErrors.Count(e => e != 0),
                countErrors,
                [.. paired.SelectMany(Sizes)]);
        }).ToList();
        return new FeatureScore(tallies, missed, extra);
    }

    /// <summary>
    /// <paramref name="read"/> as far as <paramref name="label"/> speaks for it: its features of the label's types, and of
    /// the part-level values (part type, material, group, stock) only those the label gives. Planned beside the label,
    /// the difference in minutes is what the model's reading of the confirmed facts costs.
    /// </summary>
    /// <param name="read">The model's features.</param>
    /// <param name="label">The confirmed features.</param>
    public static FeatureSet Comparable(FeatureSet read, FeatureLabel label)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(label);
        var confirmed = label.Features;
        return new FeatureSet
        {
            PartType = confirmed.PartType is null ? null : read.PartType,
            Material = confirmed.Material is null ? null : read.Material,
            MaterialGroup = confirmed.MaterialGroup is null ? null : read.MaterialGroup,
            Stock = confirmed.Stock is null ? null : read.Stock,
            Features = [.. read.Features.Where(f => label.Covers(f.Type))],
        };
    }

    private static IEnumerable<SizeReading> Sizes(FeatureMatch match)
    {
        var (c, r) = (match.Confirmed, match.Read);
        (string Field, double? Confirmed, double? Read)[] sizes =
        [
            ("lengthMm", c.LengthMm, r.LengthMm), ("widthMm", c.WidthMm, r.WidthMm), ("depthMm", c.DepthMm, r.DepthMm),
            ("diameterMm", c.DiameterMm, r.DiameterMm), ("diameterFromMm", c.DiameterFromMm, r.DiameterFromMm),
            ("diameterToMm", c.DiameterToMm, r.DiameterToMm), ("pitchMm", c.PitchMm, r.PitchMm),
        ];
        return sizes.Where(s => s.Confirmed is > 0 && s.Read is not null).Select(s => new SizeReading(s.Field, s.Confirmed!.Value, s.Read!.Value));
    }
}
