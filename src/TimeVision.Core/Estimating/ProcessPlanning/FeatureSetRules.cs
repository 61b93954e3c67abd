using System.Globalization;

namespace TimeVision.Core.Estimating.ProcessPlanning;

/// <summary>What a features file must hold beyond its JSON shape: counts of at least 1, positive sizes, unique ids.</summary>
public static class FeatureSetRules
{
    /// <summary>The first broken rule, naming the field as a JSON path; <see langword="null"/> when the set is valid.</summary>
    public static string? Check(FeatureSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (set.Features is null)
        {
            return "field $.features: must be a list (it may be empty).";
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < set.Features.Count; i++)
        {
            var feature = set.Features[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"$.features[{i}]");
            if (feature.Id is { } id && !ids.Add(id))
            {
                return $"field {at}.id: '{id}' is used twice.";
            }

            if (feature.Count is < 1)
            {
                return $"field {at}.count: must be at least 1.";
            }

            if (FirstNonPositive(feature) is { } field)
            {
                return $"field {at}.{field}: must be above 0.";
            }
        }

        return null;
    }

    private static string? FirstNonPositive(MachiningFeature f)
    {
        (string Name, double? Value)[] sizes =
        [
            ("lengthMm", f.LengthMm), ("widthMm", f.WidthMm), ("depthMm", f.DepthMm), ("diameterMm", f.DiameterMm),
            ("diameterFromMm", f.DiameterFromMm), ("pitchMm", f.PitchMm), ("travelMm", f.TravelMm),
            ("tool.diameterMm", f.Tool?.DiameterMm), ("tool.teeth", f.Tool?.Teeth), ("cutting.vcMPerMin", f.Cutting?.VcMPerMin),
            ("cutting.rpm", f.Cutting?.Rpm), ("cutting.fzMm", f.Cutting?.FzMm), ("cutting.fMmPerRev", f.Cutting?.FMmPerRev),
            ("cutting.apMm", f.Cutting?.ApMm), ("cutting.aeMm", f.Cutting?.AeMm),
        ];
        var bad = sizes.FirstOrDefault(s => s.Value is <= 0 || (s.Value is { } v && !double.IsFinite(v))).Name;
        return bad ?? (f.DiameterToMm is < 0 ? "diameterToMm" : f.ApproachMm is < 0 ? "approachMm" : null);
    }
}
