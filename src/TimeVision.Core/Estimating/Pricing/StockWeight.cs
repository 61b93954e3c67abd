using System.Globalization;
using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Core.Estimating.Pricing;

/// <summary>
/// The stock volume of one piece, from the features' stock: bar π/4·D²·L, tube π/4·(D² − d²)·L, plate and block
/// L·W·H (the shop's formulas, ../shared/shop-data.md §6), in dm³. A stock without a shape is a bar when it has a
/// diameter, else a block.
/// </summary>
public static class StockWeight
{
    private const decimal CubicMmPerDm3 = 1_000_000m;
    private const double MaxSizeMm = 10_000_000;
    private const decimal Pi = 3.1415926535897932384626433833m;

    /// <summary>The volume in dm³ and the shape it was computed as, or why it cannot be (the size that is missing).</summary>
    /// <param name="stock">The stock, as the merged features give it.</param>
    /// <param name="volumeDm3">The volume, when it could be computed.</param>
    /// <param name="shape">The shape it was computed as.</param>
    /// <returns>Why not, or <see langword="null"/>.</returns>
    public static string? TryVolume(Stock? stock, out decimal volumeDm3, out StockShape shape)
    {
        volumeDm3 = 0;
        shape = stock?.Shape ?? (stock?.DiameterMm is null ? StockShape.Block : StockShape.Bar);
        if (stock is null)
        {
            return "The features name no stock (shape and sizes), so the material has no weight; an estimator can enter it with the features.";
        }

        (string Name, double? Value)[] needed = shape switch
        {
            StockShape.Bar => [("diameterMm", stock.DiameterMm), ("lengthMm", stock.LengthMm)],
            StockShape.Tube => [("diameterMm", stock.DiameterMm), ("innerDiameterMm", stock.InnerDiameterMm), ("lengthMm", stock.LengthMm)],
            _ => [("lengthMm", stock.LengthMm), ("widthMm", stock.WidthMm), ("heightMm", stock.HeightMm)],
        };
        var missing = needed.Where(n => n.Value is not (> 0 and <= MaxSizeMm)).Select(n => n.Name).ToList();
        if (missing.Count > 0)
        {
            return $"The {Code(shape)} stock needs {string.Join(", ", missing)} for its weight (in mm, above 0); an estimator can enter the stock with the features.";
        }

        var v = needed.Select(n => (decimal)n.Value!.Value).ToArray();
        if (shape == StockShape.Tube && v[1] >= v[0])
        {
            return string.Create(CultureInfo.InvariantCulture, $"The tube's bore ({v[1]} mm) must be smaller than its diameter ({v[0]} mm).");
        }

        var cubicMm = shape switch
        {
            StockShape.Bar => Pi / 4 * v[0] * v[0] * v[1],
            StockShape.Tube => Pi / 4 * ((v[0] * v[0]) - (v[1] * v[1])) * v[2],
            _ => v[0] * v[1] * v[2],
        };
        volumeDm3 = cubicMm / CubicMmPerDm3;
        return null;
    }

    private static string Code(StockShape shape) => Json.JsonCode.Of(shape);
}
