namespace TimeVision.Core.Estimating.ProcessPlanning;

/// <summary>
/// Milling times. n = 1000·Vc/(π·D) unless rpm; vf = fz·z·n. Face: travel = length + D, passes = ⌈depth/ap⌉,
/// paths = ⌈width/(0.75·D)⌉ when the width exceeds 0.75·D. Slot, contour, pocket: travel = the path (pocket: area ÷
/// stepover + outline), passes = ⌈depth/ap⌉. A given <c>travelMm</c> replaces the computed travel.
/// </summary>
internal static class MillingTimes
{
    public static TimedFeature Face(MachiningFeature f, string id, PlanContext c)
    {
        var inputs = new Dictionary<string, double>();
        var width = c.Pick(id, "widthMm", f.WidthMm, c.Stock.WidthMm, DefaultReasons.StockWidth, c.Defaults.MillingWidthMm, DefaultReasons.NoWidthOrStock);
        var d = f.Tool?.DiameterMm ?? c.Take(id, "tool.diameterMm", FaceMill(width, c.Tools), DefaultReasons.SmallestFaceMill(c.Tools.FaceMillWidthFactor));
        var z = f.Tool?.Teeth ?? (int)c.Take(id, "tool.teeth", c.Tools.FaceMillTeeth, DefaultReasons.FaceMill);
        var vf = Feed(f, id, c, d, z, inputs);
        var length = c.Pick(id, "lengthMm", f.LengthMm, c.Stock.LengthMm, DefaultReasons.StockLength, c.Defaults.MillingLengthMm, DefaultReasons.NoLengthOrStock);
        var travel = f.TravelMm ?? length + d;
        var pathWidth = f.Cutting?.AeMm ?? c.Tools.FaceStepoverFactor * d;
        var paths = width > pathWidth ? Math.Ceiling(width / pathWidth) : 1;
        var passes = Passes(f, id, c, null, inputs);
        inputs["D"] = d;
        inputs["z"] = z;
        inputs["travelMm"] = travel;
        inputs["paths"] = paths;
        return FeatureLines.Make(f, id, passes * paths * travel / vf, PlanFormulas.FaceMilling, inputs, $"face mill Ø{d:0.#}", OperationKind.Milling);
    }

    public static TimedFeature Slot(MachiningFeature f, string id, PlanContext c)
    {
        var inputs = new Dictionary<string, double>();
        var width = f.WidthMm ?? c.Take(id, "widthMm", c.Defaults.MillingWidthMm, DefaultReasons.NoWidth);
        var d = f.Tool?.DiameterMm ?? c.Take(id, "tool.diameterMm", EndMillAtMost(width, c.Tools), DefaultReasons.EndMillInSlot);
        return PathMilled(f, id, c, d, inputs, () => f.LengthMm ?? c.Take(id, "lengthMm", c.Defaults.MillingLengthMm, DefaultReasons.NoSlotLength), PlanFormulas.Slot);
    }

    public static TimedFeature Contour(MachiningFeature f, string id, PlanContext c)
    {
        var inputs = new Dictionary<string, double>();
        var d = f.Tool?.DiameterMm ?? c.Take(id, "tool.diameterMm", c.Tools.ContourToolDiameterMm, DefaultReasons.ContourTool);
        return PathMilled(f, id, c, d, inputs, () => f.LengthMm ?? Outline(c, id), PlanFormulas.Contour);
    }

    public static TimedFeature Pocket(MachiningFeature f, string id, PlanContext c)
    {
        var inputs = new Dictionary<string, double>();
        var length = f.LengthMm ?? c.Take(id, "lengthMm", c.Defaults.MillingLengthMm, DefaultReasons.NoPocketLength);
        var width = f.WidthMm ?? c.Take(id, "widthMm", c.Defaults.MillingWidthMm, DefaultReasons.NoPocketWidth);
        var d = f.Tool?.DiameterMm ?? c.Take(id, "tool.diameterMm", EndMillAtMost(c.Tools.PocketToolWidthFactor * width, c.Tools), DefaultReasons.LargestEndMill(c.Tools.PocketToolWidthFactor));
        var ae = f.Cutting?.AeMm ?? c.Take(id, "cutting.aeMm", c.Tools.PocketStepoverFactor * d, DefaultReasons.Stepover(c.Tools.PocketStepoverFactor));
        inputs["ae"] = ae;
        return PathMilled(f, id, c, d, inputs, () => (length * width / ae) + (2 * (length + width)), PlanFormulas.Pocket);
    }

    private static TimedFeature PathMilled(MachiningFeature f, string id, PlanContext c, double d, Dictionary<string, double> inputs, Func<double> path, string formula)
    {
        var z = f.Tool?.Teeth ?? (int)c.Take(id, "tool.teeth", c.Tools.EndMillTeeth, DefaultReasons.EndMill);
        var vf = Feed(f, id, c, d, z, inputs);
        var travel = f.TravelMm ?? path();
        var passes = Passes(f, id, c, c.Tools.EndMillApMaxFactor * d, inputs);
        inputs["D"] = d;
        inputs["z"] = z;
        inputs["travelMm"] = travel;
        return FeatureLines.Make(f, id, passes * travel / vf, formula, inputs, $"end mill Ø{d:0.#}", OperationKind.Milling);
    }

    private static double Feed(MachiningFeature f, string id, PlanContext c, double d, int z, Dictionary<string, double> inputs)
    {
        var n = c.Rpm(f, id, CuttingOperation.Milling, d, inputs);
        var fz = c.Cut(id, f.Cutting?.FzMm, CuttingOperation.Milling, r => r.FzMm, "fzMm");
        inputs["fz"] = fz;
        inputs["vf"] = fz * z * n;
        return inputs["vf"];
    }

    private static double Passes(MachiningFeature f, string id, PlanContext c, double? apLimit, Dictionary<string, double> inputs)
    {
        var depth = f.DepthMm ?? c.Take(id, "depthMm", c.Defaults.MillingDepthMm, DefaultReasons.NoDepth);
        var ap = f.Cutting?.ApMm ?? Math.Min(c.Cut(id, null, CuttingOperation.Milling, r => r.ApMm, "apMm"), apLimit ?? double.MaxValue);
        inputs["depthMm"] = depth;
        inputs["ap"] = ap;
        inputs["passes"] = Math.Ceiling(depth / ap);
        return inputs["passes"];
    }

    private static double Outline(PlanContext c, string id) => c.Stock is { LengthMm: { } l, WidthMm: { } w }
        ? c.Take(id, "lengthMm", 2 * (l + w), DefaultReasons.StockOutline)
        : c.Take(id, "lengthMm", c.Defaults.MillingLengthMm, DefaultReasons.NoContourLengthOrStock);

    internal static double FaceMill(double width, ToolRules tools) =>
        tools.FaceMillDiametersMm.Where(d => d >= tools.FaceMillWidthFactor * width).DefaultIfEmpty(tools.FaceMillDiametersMm.Max()).Min();

    internal static double EndMillAtMost(double size, ToolRules tools) =>
        tools.EndMillDiametersMm.Where(d => d <= size).DefaultIfEmpty(Math.Min(size, tools.EndMillDiametersMm.Min())).Max();
}
