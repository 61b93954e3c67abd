using System.Globalization;
using TimeVision.Core.Estimating.Facts;

namespace TimeVision.Core.Estimating.ProcessPlanning;

/// <summary>A feature set and the source of its part-level fields (part type, material, stock); features without a source of their own take it.</summary>
/// <param name="Set">The features.</param>
/// <param name="Source">Who gave them.</param>
public sealed record SourcedFeatureSet(FeatureSet Set, FeatureSource Source);

/// <summary>Two sources disagree on a value: the kept one and the other, for the estimator to check (as the material check is shown).</summary>
/// <param name="FeatureId">The merged feature's id; <see langword="null"/> for a part-level field.</param>
/// <param name="Field">The field, as the contract names it (<c>count</c>, <c>materialGroup</c>, …).</param>
/// <param name="Kept">The value kept.</param>
/// <param name="KeptFrom">Who gave it.</param>
/// <param name="Other">The value set aside.</param>
/// <param name="OtherFrom">Who gave that.</param>
public sealed record FeatureConflict(string? FeatureId, string Field, string Kept, FeatureSourceKind KeptFrom, string Other, FeatureSourceKind OtherFrom)
{
    /// <summary>The warning code a page shows a conflict under.</summary>
    public const string WarningCode = "feature_conflict";
}

/// <summary>The merged features and every disagreement found on the way.</summary>
/// <param name="Features">One feature set, each feature keeping the source it was taken from.</param>
/// <param name="Conflicts">Disagreements, in the order found.</param>
public sealed record MergedFeatures(FeatureSet Features, IReadOnlyList<FeatureConflict> Conflicts);

/// <summary>
/// Merges features from the text layer, the vision model and the estimator by one documented rule: estimator &gt; text
/// layer at high confidence &gt; model &gt; text layer at medium (&gt; text layer at low). Features are the same when
/// their type and size key (thread, else diameter, else length × width × depth) agree, or when the estimator's feature
/// names a lower source's feature by its id and type (a corrected size changes the key); the higher source's values
/// win, fields it leaves absent are filled from lower ones, and differing values are flagged. A pure function.
/// </summary>
public static class FeatureMerge
{
    /// <summary>How much a source is believed: higher wins.</summary>
    public static int Rank(FeatureSource? source) => source switch
    {
        { Kind: FeatureSourceKind.Estimator } => 4,
        { Kind: FeatureSourceKind.TextLayer, Confidence: FactConfidence.High } => 3,
        { Kind: FeatureSourceKind.Model } => 2,
        { Kind: FeatureSourceKind.TextLayer, Confidence: FactConfidence.Medium } => 1,
        _ => 0,
    };

    /// <summary>Merges <paramref name="sets"/> into one set; the order given does not matter, only the sources' ranks.</summary>
    public static MergedFeatures Merge(IReadOnlyList<SourcedFeatureSet> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        var conflicts = new List<FeatureConflict>();
        var ranked = sets.Select((s, i) => (s, i)).OrderByDescending(x => Rank(x.s.Source)).ThenBy(x => x.i).Select(x => x.s).ToList();
        var part = MergePart(ranked, conflicts);
        var merged = new List<MachiningFeature>();
        foreach (var set in ranked)
        {
            var takenFromThisSet = new HashSet<int>();
            foreach (var feature in set.Set.Features.Select(f => f.Source is null ? f with { Source = set.Source } : f)
                .OrderByDescending(f => Rank(f.Source)))
            {
                var match = FindMatch(merged, feature, takenFromThisSet);
                if (match < 0)
                {
                    takenFromThisSet.Add(merged.Count);
                    merged.Add(feature with { Id = UniqueId(merged, feature) });
                    continue;
                }

                takenFromThisSet.Add(match);
                merged[match] = Combine(merged[match], feature, conflicts);
            }
        }

        return new MergedFeatures(part with { Features = merged }, conflicts);
    }

    private static FeatureSet MergePart(List<SourcedFeatureSet> ranked, List<FeatureConflict> conflicts)
    {
        var partType = Pick(ranked, s => s.PartType, "partType", conflicts);
        var group = Pick(ranked, s => s.MaterialGroup, "materialGroup", conflicts);
        return new FeatureSet
        {
            PartType = partType,
            MaterialGroup = group,
            Material = ranked.Select(s => s.Set.Material).FirstOrDefault(m => !string.IsNullOrWhiteSpace(m)),
            Stock = ranked.Select(s => s.Set.Stock).FirstOrDefault(s => s is not null),
        };
    }

    private static T? Pick<T>(List<SourcedFeatureSet> ranked, Func<FeatureSet, T?> field, string name, List<FeatureConflict> conflicts)
    {
        var given = ranked.Where(s => field(s.Set) is not null).ToList();
        if (given.Count == 0)
        {
            return default;
        }

        var kept = field(given[0].Set)!;
        foreach (var other in given.Skip(1).Where(s => !Equals(field(s.Set), kept)))
        {
            conflicts.Add(new FeatureConflict(null, name, Text(kept), given[0].Source.Kind, Text(field(other.Set)), other.Source.Kind));
        }

        return kept;
    }

    private static int FindMatch(List<MachiningFeature> merged, MachiningFeature feature, HashSet<int> takenFromThisSet)
    {
        var corrected = merged.FindIndex(m => m.Source?.Kind == FeatureSourceKind.Estimator && feature.Source?.Kind != FeatureSourceKind.Estimator
            && feature.Id is not null && m.Id == feature.Id && m.Type == feature.Type);
        if (corrected >= 0 && !takenFromThisSet.Contains(corrected))
        {
            return corrected;
        }

        var key = Key(feature);
        for (var i = 0; i < merged.Count; i++)
        {
            if (!takenFromThisSet.Contains(i) && merged[i].Type == feature.Type && Key(merged[i]) == key)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>What makes two readings the same feature: the thread, else the diameter, else the sizes.</summary>
    internal static string Key(MachiningFeature f) =>
        f.Thread is { Length: > 0 } thread ? thread.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant()
        : f.DiameterMm is { } d ? string.Create(CultureInfo.InvariantCulture, $"D{d:0.##}")
        : string.Create(CultureInfo.InvariantCulture, $"{f.LengthMm:0.##}x{f.WidthMm:0.##}x{f.DepthMm:0.##}");

    private static MachiningFeature Combine(MachiningFeature kept, MachiningFeature other, List<FeatureConflict> conflicts)
    {
        void Check<T>(string field, T? a, T? b)
        {
            if (a is not null && b is not null && !a.Equals(b))
            {
                conflicts.Add(new FeatureConflict(kept.Id, field, Text(a), kept.Source!.Kind, Text(b), other.Source!.Kind));
            }
        }

        Check("count", kept.Count ?? 1, other.Count ?? 1);
        Check("diameterMm", kept.DiameterMm, other.DiameterMm);
        Check("thread", kept.Thread, other.Thread);
        Check("depthMm", kept.DepthMm, other.DepthMm);
        Check("lengthMm", kept.LengthMm, other.LengthMm);
        Check("widthMm", kept.WidthMm, other.WidthMm);
        Check("through", kept.Through, other.Through);
        Check("pitchMm", kept.PitchMm, other.PitchMm);
        return kept with
        {
            Count = kept.Count ?? other.Count,
            LengthMm = kept.LengthMm ?? other.LengthMm,
            WidthMm = kept.WidthMm ?? other.WidthMm,
            DepthMm = kept.DepthMm ?? other.DepthMm,
            DiameterMm = kept.DiameterMm ?? other.DiameterMm,
            DiameterFromMm = kept.DiameterFromMm ?? other.DiameterFromMm,
            DiameterToMm = kept.DiameterToMm ?? other.DiameterToMm,
            Through = kept.Through ?? other.Through,
            Thread = kept.Thread ?? other.Thread,
            PitchMm = kept.PitchMm ?? other.PitchMm,
            ApproachMm = kept.ApproachMm ?? other.ApproachMm,
            TravelMm = kept.TravelMm ?? other.TravelMm,
            Tool = kept.Tool ?? other.Tool,
            Cutting = kept.Cutting ?? other.Cutting,
        };
    }

    private static string UniqueId(List<MachiningFeature> merged, MachiningFeature feature)
    {
        var id = feature.Id ?? string.Create(CultureInfo.InvariantCulture, $"f{merged.Count + 1}");
        var candidate = id;
        for (var n = 2; merged.Any(m => m.Id == candidate); n++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{id}-{n}");
        }

        return candidate;
    }

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        Enum e => System.Text.Json.JsonSerializer.Serialize(e, e.GetType()).Trim('"'),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
