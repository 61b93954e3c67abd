namespace TimeVision.Core.Estimating.ProcessPlanning;

/// <summary>
/// Turning: ⌈(D1 − D2)/(2·ap)⌉ passes, each (L + approach)/(f·n) with n at D1 and approach 1 mm unless given. Facing at
/// constant n: (D1 − D2)/2/(f·n). Grooving, parting and thread turning by the same feed rules: (radial depth +
/// approach)/(f·n) per plunge, and passes·(L + approach)/(P·n) for a thread.
/// </summary>
internal static class TurningTimes
{
    public static TimedFeature Turning(MachiningFeature f, string id, PlanContext c)
    {
        var inputs = new Dictionary<string, double>();
        var ap = c.Cut(id, f.Cutting?.ApMm, CuttingOperation.Turning, r => r.ApMm, "apMm");
        var target = f.DiameterToMm ?? f.DiameterMm;
        var d1 = c.Pick(id, "diameterFromMm", f.DiameterFromMm, c.Stock.DiameterMm, DefaultReasons.StockDiameter, (target ?? c.Defaults.HoleDiameterMm) + (2 * ap), DefaultReasons.OnePassAboveD2);
        var d2 = target ?? c.Take(id, "diameterToMm", d1 - (2 * ap), DefaultReasons.OnePassBelowD1);
        var length = f.LengthMm ?? c.Take(id, "lengthMm", c.Defaults.TurningLengthFactor * d1, DefaultReasons.TimesD1(c.Defaults.TurningLengthFactor));
        var approach = f.ApproachMm ?? c.Defaults.ApproachMm;
        var passes = Math.Max(1, Math.Ceiling((d1 - d2) / (2 * ap)));
        var n = c.Rpm(f, id, CuttingOperation.Turning, d1, inputs);
        var feed = Feed(f, id, c, CuttingOperation.Turning, inputs);
        Put(inputs, ("D1", d1), ("D2", d2), ("ap", ap), ("passes", passes), ("lengthMm", length), ("approachMm", approach), ("vf", feed * n));
        return FeatureLines.Make(f, id, passes * (length + approach) / (feed * n), PlanFormulas.Turning, inputs, $"turning tool", OperationKind.Turning);
    }

    public static TimedFeature Facing(MachiningFeature f, string id, PlanContext c)
    {
        var inputs = new Dictionary<string, double>();
        var d1 = c.Pick(id, "diameterFromMm", f.DiameterFromMm ?? f.DiameterMm, c.Stock.DiameterMm, DefaultReasons.StockDiameter, c.Defaults.HoleDiameterMm, DefaultReasons.NoDiameterOrStock);
        var d2 = Inner(f, id, c, d1);
        var passes = f.DepthMm is { } depth ? Math.Ceiling(depth / c.Cut(id, f.Cutting?.ApMm, CuttingOperation.Turning, r => r.ApMm, "apMm")) : 1;
        var n = c.Rpm(f, id, CuttingOperation.Turning, d1, inputs);
        var feed = Feed(f, id, c, CuttingOperation.Turning, inputs);
        Put(inputs, ("D1", d1), ("D2", d2), ("passes", passes), ("vf", feed * n));
        return FeatureLines.Make(f, id, passes * (d1 - d2) / 2 / (feed * n), PlanFormulas.Facing, inputs, $"turning tool", OperationKind.Turning);
    }

    public static TimedFeature Grooving(MachiningFeature f, string id, PlanContext c)
    {
        var inputs = new Dictionary<string, double>();
        var d = Diameter(f, id, c);
        var depth = f.DepthMm ?? c.Take(id, "depthMm", c.Defaults.GrooveDepthMm, DefaultReasons.NoGrooveDepth);
        var insert = f.Tool?.DiameterMm ?? c.Take(id, "tool.diameterMm", c.Tools.GrooveInsertWidthMm, DefaultReasons.GroovingInsertWidth);
        var plunges = Math.Max(1, Math.Ceiling((f.WidthMm ?? insert) / insert));
        var approach = f.ApproachMm ?? c.Defaults.ApproachMm;
        var n = c.Rpm(f, id, CuttingOperation.Grooving, d, inputs);
        var feed = Feed(f, id, c, CuttingOperation.Grooving, inputs);
        Put(inputs, ("D", d), ("depthMm", depth), ("plunges", plunges), ("approachMm", approach), ("vf", feed * n));
        return FeatureLines.Make(f, id, plunges * (depth + approach) / (feed * n), PlanFormulas.Grooving, inputs, $"grooving insert {insert:0.#}", OperationKind.Turning);
    }

    public static TimedFeature Parting(MachiningFeature f, string id, PlanContext c)
    {
        var inputs = new Dictionary<string, double>();
        var d = Diameter(f, id, c);
        var inner = Inner(f, id, c, d);
        var approach = f.ApproachMm ?? c.Defaults.ApproachMm;
        var n = c.Rpm(f, id, CuttingOperation.Parting, d, inputs);
        var feed = Feed(f, id, c, CuttingOperation.Parting, inputs);
        Put(inputs, ("D", d), ("D2", inner), ("approachMm", approach), ("vf", feed * n));
        return FeatureLines.Make(f, id, inner >= d ? 0 : (((d - inner) / 2) + approach) / (feed * n), PlanFormulas.Parting, inputs, $"parting blade", OperationKind.Turning);
    }

    public static TimedFeature ThreadTurning(MachiningFeature f, string id, PlanContext c)
    {
        var inputs = new Dictionary<string, double>();
        var parsed = MetricThreads.Parse(f.Thread);
        var d = f.DiameterMm ?? parsed?.DiameterMm ?? Diameter(f, id, c);
        var pitch = HoleTimes.Pitch(f, id, c, d, parsed);
        var length = f.LengthMm ?? c.Take(id, "lengthMm", c.Defaults.ThreadLengthFactor * d, DefaultReasons.TimesD(c.Defaults.ThreadLengthFactor));
        var approach = f.ApproachMm ?? c.Defaults.ApproachMm;
        var passes = c.Tools.ThreadTurningPasses;
        var n = c.Rpm(f, id, CuttingOperation.ThreadTurning, d, inputs);
        Put(inputs, ("D", d), ("P", pitch), ("lengthMm", length), ("approachMm", approach), ("passes", passes));
        return FeatureLines.Make(f, id, passes * (length + approach) / (pitch * n), PlanFormulas.ThreadTurning, inputs, $"threading insert", OperationKind.Turning);
    }

    // A bore as large as the outside leaves nothing to face or part; the plan says so rather than giving negative minutes.
    private static double Inner(MachiningFeature f, string id, PlanContext c, double outside)
    {
        if (f.DiameterToMm is { } inner && inner >= outside)
        {
            c.Note(DefaultReasons.NothingCut(id, inner, outside));
            return outside;
        }

        return f.DiameterToMm ?? 0;
    }

    private static double Diameter(MachiningFeature f, string id, PlanContext c) =>
        c.Pick(id, "diameterMm", f.DiameterMm ?? f.DiameterFromMm, c.Stock.DiameterMm, DefaultReasons.StockDiameter, c.Defaults.HoleDiameterMm, DefaultReasons.NoDiameterOrStock);

    private static double Feed(MachiningFeature f, string id, PlanContext c, CuttingOperation operation, Dictionary<string, double> inputs)
    {
        inputs["f"] = c.Cut(id, f.Cutting?.FMmPerRev, operation, r => r.FMmPerRev, "fMmPerRev");
        return inputs["f"];
    }

    private static void Put(Dictionary<string, double> inputs, params (string Name, double Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            inputs[name] = value;
        }
    }
}
