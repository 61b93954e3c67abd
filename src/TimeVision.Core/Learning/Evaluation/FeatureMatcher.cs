using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Core.Learning.Evaluation;

/// <summary>A confirmed feature and the read feature taken for it.</summary>
/// <param name="Confirmed">The confirmed feature.</param>
/// <param name="Read">The feature a model read.</param>
public sealed record FeatureMatch(MachiningFeature Confirmed, MachiningFeature Read);

/// <summary>
/// Pairs a model's features with the confirmed ones: a pair is the same type, and its <b>key sizes</b> agree within
/// <see cref="SizeTolerance"/> of the confirmed size. Key sizes by type: holes, threads, grooves and parting (<c>drilling</c>,
/// <c>reaming</c>, <c>boring</c>, <c>tapping</c>, <c>thread_turning</c>, <c>grooving</c>, <c>parting</c>): the diameter;
/// <c>turning</c>: the diameters from and to; <c>facing</c>: the diameter from; face, pocket and slot milling: length and
/// width; contour milling and chamfers: the length; sawing: none. Where both name a metric thread, their nominal
/// diameters are compared instead. A key size only one side gives does not count for or against a pair. Closest pairs
/// are taken first (among pairs as close, those whose counts agree best), each feature at most once; the rest are
/// missed (confirmed) or extra (read). Depth, pitch and the other sizes are compared only once paired
/// (<see cref="FeatureScoring"/>).
/// </summary>
public static class FeatureMatcher
{
    /// <summary>How far a read key size may be from the confirmed one and still be the same feature: 20 % of the confirmed size.</summary>
    public const double SizeTolerance = 0.2;

    /// <summary>The pairs (in the confirmed features' order), the confirmed features no pair took, and the read features no pair took.</summary>
    /// <param name="confirmed">The confirmed features.</param>
    /// <param name="read">The features a model read.</param>
    public static (IReadOnlyList<FeatureMatch> Matches, IReadOnlyList<MachiningFeature> Missed, IReadOnlyList<MachiningFeature> Extra) Match(
        IReadOnlyList<MachiningFeature> confirmed, IReadOnlyList<MachiningFeature> read)
    {
        ArgumentNullException.ThrowIfNull(confirmed);
        ArgumentNullException.ThrowIfNull(read);
        var candidates = new List<(double Distance, int CountGap, int Confirmed, int Read)>();
        for (var c = 0; c < confirmed.Count; c++)
        {
            for (var r = 0; r < read.Count; r++)
            {
                if (confirmed[c].Type == read[r].Type && Distance(confirmed[c], read[r]) is var distance && distance <= SizeTolerance + 1e-9)
                {
                    candidates.Add((distance, Math.Abs((confirmed[c].Count ?? 1) - (read[r].Count ?? 1)), c, r));
                }
            }
        }

        var partnerOf = new Dictionary<int, int>();
        var takenRead = new HashSet<int>();
        foreach (var (_, _, c, r) in candidates.OrderBy(p => p.Distance).ThenBy(p => p.CountGap).ThenBy(p => p.Confirmed).ThenBy(p => p.Read))
        {
            if (!partnerOf.ContainsKey(c) && takenRead.Add(r))
            {
                partnerOf[c] = r;
            }
        }

        return (
            [.. partnerOf.OrderBy(p => p.Key).Select(p => new FeatureMatch(confirmed[p.Key], read[p.Value]))],
            [.. confirmed.Where((_, i) => !partnerOf.ContainsKey(i))],
            [.. read.Where((_, i) => !takenRead.Contains(i))]);
    }

    /// <summary>
    /// The largest relative difference of the key sizes both give (0 when they give none in common); for two threads,
    /// of their nominal diameters.
    /// </summary>
    private static double Distance(MachiningFeature confirmed, MachiningFeature read)
    {
        if (MetricThreads.Parse(confirmed.Thread) is { } c && MetricThreads.Parse(read.Thread) is { } r)
        {
            return Relative(c.DiameterMm, r.DiameterMm);
        }

        return KeySizes(confirmed)
            .Zip(KeySizes(read))
            .Where(pair => pair.First is not null && pair.Second is not null)
            .Select(pair => Relative(pair.First!.Value, pair.Second!.Value))
            .DefaultIfEmpty(0)
            .Max();
    }

    private static double?[] KeySizes(MachiningFeature f) => f.Type switch
    {
        FeatureType.Turning => [f.DiameterFromMm, f.DiameterToMm],
        FeatureType.Facing => [f.DiameterFromMm],
        FeatureType.FaceMilling or FeatureType.PocketMilling or FeatureType.SlotMilling => [f.LengthMm, f.WidthMm],
        FeatureType.ContourMilling or FeatureType.Chamfer => [f.LengthMm],
        FeatureType.Sawing => [],
        _ => [f.DiameterMm],
    };

    /// <summary>|read − confirmed| / confirmed; two zeros are equal, a size against a zero is as far as can be.</summary>
    internal static double Relative(double confirmed, double read) =>
        confirmed == 0 ? (read == 0 ? 0 : double.PositiveInfinity) : Math.Abs(read - confirmed) / confirmed;
}
