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
        var width = c.Pick(id, "widthMm", f.WidthMm, c.Stock.WidthMm, "the stock's width", c.Defaults.MillingWidthMm, "no width or stock");
        var d = f.Tool?.DiameterMm ?? c.Take(id, "tool.diameterMm", FaceMill(width, c.Tools), $"smallest face mill ≥ {c.Tools.FaceMillWidthFactor}·width");
        var z = f.Tool?.Teeth ?? (int)c.Take(id, "tool.teeth", c.Tools.FaceMillTeeth, "face mill");
        var vf = Feed(f, id, c, d, z, inputs);
        var length = c.Pick(id, "lengthMm", f.LengthMm, c.Stock.LengthMm, "the stock's length", c.Defaults.MillingLengthMm, "no length or stock");
        var travel = f.TravelMm ?? length + d;
        var pathWidth = f.Cutting?.AeMm ?? c.Tools.FaceStepoverFactor * d;
        var paths = width > pathWidth ? Math.Ceiling(width / pathWidth) : 1;
        var passes = Passes(f, id, c, null, inputs);
        inputs["D"] = d;
        inputs["z"] = z;
        inputs["travelMm"] = travel;
        inputs["paths"] = paths;
        return FeatureLines.Make(f, id, passes * paths * travel / vf, "passes·paths·travel/vf; travel = length + D", inputs, $"face mill Ø{d:0.#}", OperationKind.Milling);
    }

    public static TimedFeature Slot(MachiningFeature f, string id, PlanContext c)
    {
        var inputs = new Dictionary<string, double>();
        var width = f.WidthMm ?? c.Take(id, "widthMm", c.Defaults.MillingWidthMm, "no width");
        var d = f.Tool?.DiameterMm ?? c.Take(id, "tool.diameterMm", EndMillAtMost(width, c.Tools), "largest end mill ≤ slot width");
        return PathMilled(f, id, c, d, inputs, () => f.LengthMm ?? c.Take(id, "lengthMm", c.Defaults.MillingLengthMm, "no slot length"), "passes·travel/vf; travel = slot length");
    }

    public static TimedFeature Contour(MachiningFeature f, string id, PlanContext c)
    {
        var inputs = new Dictionary<string, double>();
        var d = f.Tool?.DiameterMm ?? c.Take(id, "tool.diameterMm", c.Tools.ContourToolDiameterMm, "contour tool");
        return PathMilled(f, id, c, d, inputs, () => f.LengthMm ?? Outline(c, id), "passes·travel/vf; travel = contour length");
    }

    public static TimedFeature Pocket(MachiningFeature f, string id, PlanContext c)
    {
        var inputs = new Dictionary<string, double>();
        var length = f.LengthMm ?? c.Take(id, "lengthMm", c.Defaults.MillingLengthMm, "no pocket length");
        var width = f.WidthMm ?? c.Take(id, "widthMm", c.Defaults.MillingWidthMm, "no pocket width");
        var d = f.Tool?.DiameterMm ?? c.Take(id, "tool.diameterMm", EndMillAtMost(c.Tools.PocketToolWidthFactor * width, c.Tools), $"largest end mill ≤ {c.Tools.PocketToolWidthFactor}·width");
        var ae = f.Cutting?.AeMm ?? c.Take(id, "cutting.aeMm", c.Tools.PocketStepoverFactor * d, $"stepover {c.Tools.PocketStepoverFactor}·D");
        inputs["ae"] = ae;
        return PathMilled(f, id, c, d, inputs, () => (length * width / ae) + (2 * (length + width)), "passes·travel/vf; travel = area/ae + outline");
    }

    private static TimedFeature PathMilled(MachiningFeature f, string id, PlanContext c, double d, Dictionary<string, double> inputs, Func<double> path, string formula)
    {
        var z = f.Tool?.Teeth ?? (int)c.Take(id, "tool.teeth", c.Tools.EndMillTeeth, "end mill");
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
        var depth = f.DepthMm ?? c.Take(id, "depthMm", c.Defaults.MillingDepthMm, "no depth");
        var ap = f.Cutting?.ApMm ?? Math.Min(c.Cut(id, null, CuttingOperation.Milling, r => r.ApMm, "apMm"), apLimit ?? double.MaxValue);
        inputs["depthMm"] = depth;
        inputs["ap"] = ap;
        inputs["passes"] = Math.Ceiling(depth / ap);
        return inputs["passes"];
    }

    private static double Outline(PlanContext c, string id) => c.Stock is { LengthMm: { } l, WidthMm: { } w }
        ? c.Take(id, "lengthMm", 2 * (l + w), "the stock's outline")
        : c.Take(id, "lengthMm", c.Defaults.MillingLengthMm, "no contour length or stock");

    internal static double FaceMill(double width, ToolRules tools) =>
        tools.FaceMillDiametersMm.Where(d => d >= tools.FaceMillWidthFactor * width).DefaultIfEmpty(tools.FaceMillDiametersMm.Max()).Min();

    internal static double EndMillAtMost(double size, ToolRules tools) =>
        tools.EndMillDiametersMm.Where(d => d <= size).DefaultIfEmpty(Math.Min(size, tools.EndMillDiametersMm.Min())).Max();
}
