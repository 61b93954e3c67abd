using System.Globalization;

namespace TimeVision.Core.Rendering;

/// <summary>The pixel size a page is rendered at, after the DPI target and the pixel caps are applied.</summary>
/// <param name="WidthPx">Image width in pixels.</param>
/// <param name="HeightPx">Image height in pixels.</param>
/// <param name="Dpi">The effective resolution.</param>
public sealed record PageFrame(int WidthPx, int HeightPx, double Dpi)
{
    /// <summary>
    /// Frames a page: the target DPI, lowered until the longest side and the pixel count fit their caps.
    /// Fails with <see cref="RenderErrorCode.PageTooLarge"/> when that would take the page below the minimum DPI.
    /// </summary>
    /// <param name="page">The page to frame.</param>
    /// <param name="options">DPI target, caps and minimum.</param>
    public static RenderResult<PageFrame> For(PdfPageInfo page, RenderingOptions options)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(options);

        var widthIn = page.DisplayWidthPt / 72;
        var heightIn = page.DisplayHeightPt / 72;
        if (widthIn <= 0 || heightIn <= 0)
        {
            return RenderResult<PageFrame>.Failure(
                RenderErrorCode.Corrupt, $"Page {page.Number} has no area ({page.DisplayWidthPt} × {page.DisplayHeightPt} pt).");
        }

        var dpi = Math.Min(options.Dpi, options.MaxLongSidePx / Math.Max(widthIn, heightIn));
        dpi = Math.Min(dpi, Math.Sqrt(options.MaxPixels / (widthIn * heightIn)));
        if (dpi < options.MinDpi)
        {
            return RenderResult<PageFrame>.Failure(
                RenderErrorCode.PageTooLarge,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Page {page.Number} is {page.DisplayWidthMm:0} × {page.DisplayHeightMm:0} mm; fitting it into {options.MaxLongSidePx} px and {options.MaxPixels:N0} pixels would take it down to {dpi:0.#} DPI, below the minimum of {options.MinDpi:0.#} DPI (Rendering:MinDpi)."));
        }

        var width = Math.Clamp((int)Math.Floor(widthIn * dpi), 1, options.MaxLongSidePx);
        var height = Math.Clamp((int)Math.Floor(heightIn * dpi), 1, options.MaxLongSidePx);
        return RenderResult<PageFrame>.Success(new PageFrame(width, height, Math.Round(dpi, 2)));
    }
}
