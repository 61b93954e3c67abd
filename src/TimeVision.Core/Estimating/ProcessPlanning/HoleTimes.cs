namespace TimeVision.Core.Estimating.ProcessPlanning;

/// <summary>
/// Drilling, reaming and boring: (depth + approach)/(f·n) per hole, the approach being <c>approachMm</c> when given,
/// else 1 mm clearance plus the point length 0.3·D for a through hole. Tapping: 2·L/(P·n) per hole, in and out at
/// the same speed.
/// </summary>
internal static class HoleTimes
{
    public static TimedFeature Hole(MachiningFeature f, string id, PlanContext c)
    {
        var (operation, tool) = f.Type switch
        {
            FeatureType.Reaming => (CuttingOperation.Reaming, "reamer"),
            FeatureType.Boring => (CuttingOperation.Boring, "boring bar"),
            _ => (CuttingOperation.Drilling, "drill"),
        };
        var inputs = new Dictionary<string, double>();
        var d = f.DiameterMm ?? f.Tool?.DiameterMm ?? c.Take(id, "diameterMm", c.Defaults.HoleDiameterMm, DefaultReasons.NoDiameter);
        var through = f.Through ?? false;
        var depth = f.DepthMm ?? (through && c.Stock.HeightMm is { } h
            ? c.Take(id, "depthMm", h, DefaultReasons.ThroughStockHeight)
            : c.Take(id, "depthMm", c.Defaults.HoleDepthFactor * d, DefaultReasons.TimesD(c.Defaults.HoleDepthFactor)));
        var approach = f.ApproachMm ?? (c.Defaults.HoleClearanceMm + (through ? c.Defaults.PointLengthFactor * d : 0));
        var n = c.Rpm(f, id, operation, d, inputs);
        var feed = c.Cut(id, f.Cutting?.FMmPerRev, operation, r => r.FMmPerRev, "fMmPerRev");
        inputs["D"] = d;
        inputs["depthMm"] = depth;
        inputs["approachMm"] = approach;
        inputs["f"] = feed;
        inputs["vf"] = feed * n;
        return FeatureLines.Make(f, id, (depth + approach) / (feed * n), PlanFormulas.Hole, inputs, $"{tool} Ø{d:0.##}", OperationKind.Drilling);
    }

    public static TimedFeature Tapping(MachiningFeature f, string id, PlanContext c)
    {
        var inputs = new Dictionary<string, double>();
        var parsed = MetricThreads.Parse(f.Thread);
        var d = f.DiameterMm ?? parsed?.DiameterMm ?? c.Take(id, "diameterMm", c.Defaults.HoleDiameterMm, DefaultReasons.NoDiameterOrThread);
        var pitch = Pitch(f, id, c, d, parsed);
        var length = f.DepthMm ?? f.LengthMm ?? c.Take(id, "depthMm", c.Defaults.ThreadLengthFactor * d, DefaultReasons.TimesD(c.Defaults.ThreadLengthFactor));
        var n = c.Rpm(f, id, CuttingOperation.Tapping, d, inputs);
        inputs["D"] = d;
        inputs["P"] = pitch;
        inputs["lengthMm"] = length;
        return FeatureLines.Make(f, id, 2 * length / (pitch * n), PlanFormulas.Tapping, inputs, $"tap {f.Thread ?? MetricName(d)}", OperationKind.Drilling);
    }

    internal static double Pitch(MachiningFeature f, string id, PlanContext c, double d, (double DiameterMm, double? PitchMm)? parsed) =>
        f.PitchMm ?? parsed?.PitchMm
        ?? (MetricThreads.CoarsePitchOf(d) is { } coarse ? c.Take(id, "pitchMm", coarse, DefaultReasons.CoarsePitch) : c.Take(id, "pitchMm", c.Defaults.PitchMm, DefaultReasons.NotCoarseSeries));

    /// <summary>A metric thread's name from its diameter, for the tap's name: <c>M8</c>.</summary>
    private static string MetricName(double d) => System.FormattableString.Invariant($"M{d:0.#}");
}
