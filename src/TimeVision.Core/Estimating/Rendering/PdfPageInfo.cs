namespace TimeVision.Core.Estimating.Rendering;

/// <summary>One page of a PDF as its file describes it.</summary>
/// <param name="Number">1-based page number.</param>
/// <param name="WidthPt">Crop-box width in points (1/72 inch), before rotation.</param>
/// <param name="HeightPt">Crop-box height in points, before rotation.</param>
/// <param name="Rotation">The page's <c>/Rotate</c> value in degrees (0, 90, 180 or 270).</param>
public sealed record PdfPageInfo(int Number, double WidthPt, double HeightPt, int Rotation)
{
    /// <summary>The smallest short side a page may have to be rendered and estimated, in millimetres (<see cref="RenderErrorCode.PageTooSmall"/>).</summary>
    public const double SmallestShortSideMm = 10;

    private const double MillimetresPerPoint = 25.4 / 72;

    private bool IsTurned => Rotation % 180 != 0;

    /// <summary>Width as a viewer shows the page, in points.</summary>
    public double DisplayWidthPt => IsTurned ? HeightPt : WidthPt;

    /// <summary>Height as a viewer shows the page, in points.</summary>
    public double DisplayHeightPt => IsTurned ? WidthPt : HeightPt;

    /// <summary>Width as a viewer shows the page, in millimetres.</summary>
    public double DisplayWidthMm => DisplayWidthPt * MillimetresPerPoint;

    /// <summary>Height as a viewer shows the page, in millimetres.</summary>
    public double DisplayHeightMm => DisplayHeightPt * MillimetresPerPoint;

    /// <summary>The page's shorter side, in millimetres.</summary>
    public double ShortSideMm => Math.Min(DisplayWidthMm, DisplayHeightMm);

    /// <summary>Whether the page is too small to hold a drawing (<see cref="SmallestShortSideMm"/>), so it is skipped unrendered.</summary>
    public bool IsTooSmall => !(ShortSideMm >= SmallestShortSideMm);
}
