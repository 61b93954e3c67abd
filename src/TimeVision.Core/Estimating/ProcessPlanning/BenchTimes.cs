namespace TimeVision.Core.Estimating.ProcessPlanning;

/// <summary>Chamfers from the documented table (minutes per edge by size), and saw cuts: cut height / saw feed.</summary>
internal static class BenchTimes
{
    public static TimedFeature Chamfer(MachiningFeature f, string id, PlanContext c)
    {
        var size = f.LengthMm ?? f.WidthMm ?? 0;
        var row = c.Cutting.Deburring.Chamfers.FirstOrDefault(r => r.MaxSizeMm is null || size <= r.MaxSizeMm)
            ?? throw new InvalidOperationException("The chamfer table has no row for every size.");
        var inputs = new Dictionary<string, double> { ["sizeMm"] = size, ["minPerEdge"] = row.MinPerEdge };
        return FeatureLines.Make(f, id, row.MinPerEdge, PlanFormulas.Chamfer, inputs, $"deburring tool", OperationKind.Deburring);
    }

    public static TimedFeature Sawing(MachiningFeature f, string id, PlanContext c)
    {
        var height = f.DepthMm ?? f.DiameterMm ?? f.WidthMm ?? CutHeight(c.Stock) ?? c.Take(id, "depthMm", c.Defaults.MillingLengthMm, DefaultReasons.NoCutHeightOrStock);
        return Cut(f, id, c, height);
    }

    /// <summary>The saw cut that parts the blank from its stock, when the stock's section is known.</summary>
    public static TimedFeature? StockCut(PlanContext c) => CutHeight(c.Stock) is { } height
        ? Cut(new MachiningFeature { Id = "stock", Type = FeatureType.Sawing, Count = 1 }, "stock", c, height)
        : null;

    /// <summary>The height the blade travels through: a bar's or tube's diameter, a plate's thickness, a block's smaller side.</summary>
    public static double? CutHeight(Stock stock) => stock.Shape switch
    {
        StockShape.Bar or StockShape.Tube => stock.DiameterMm,
        StockShape.Plate => stock.HeightMm,
        StockShape.Block when stock is { HeightMm: { } h, WidthMm: { } w } => Math.Min(h, w),
        StockShape.Block => stock.HeightMm ?? stock.WidthMm,
        _ => stock.DiameterMm ?? stock.HeightMm,
    };

    private static TimedFeature Cut(MachiningFeature f, string id, PlanContext c, double height)
    {
        var feed = c.Cut(id, null, CuttingOperation.Sawing, r => r.SawFeedMmPerMin, "sawFeedMmPerMin");
        var inputs = new Dictionary<string, double> { ["heightMm"] = height, ["sawFeedMmPerMin"] = feed };
        return FeatureLines.Make(f, id, height / feed, PlanFormulas.Sawing, inputs, $"band saw", OperationKind.Sawing);
    }
}
