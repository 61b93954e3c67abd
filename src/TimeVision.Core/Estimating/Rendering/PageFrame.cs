using System.Globalization;

namespace TimeVision.Core.Estimating.Rendering;

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

    /// <summary>
    /// This frame, or a smaller one in the same proportions when its longest side is over <paramref name="maxLongSidePx"/>
    /// (sized by <see cref="FitLongSide"/>, the DPI lowered with it); never a larger one. A page rendered at the smaller
    /// frame has the size a downscale of the full page would have: what <c>ModelImage</c> makes for the model.
    /// </summary>
    /// <param name="maxLongSidePx">The longest side wanted.</param>
    public PageFrame ScaledToFit(int maxLongSidePx)
    {
        var (width, height) = FitLongSide(WidthPx, HeightPx, maxLongSidePx);
        if ((width, height) == (WidthPx, HeightPx))
        {
            return this;
        }

        var scale = (double)maxLongSidePx / Math.Max(WidthPx, HeightPx);
        return new PageFrame(width, height, Math.Round(Dpi * scale, 2));
    }

    /// <summary>
    /// The size of a <paramref name="width"/> × <paramref name="height"/> image shrunk, if it is larger, so that its
    /// longest side is <paramref name="maxLongSidePx"/>: both sides scaled alike and rounded to whole pixels. The image
    /// for the model and a page rendered at the model's size both use this one rule, so they agree to the pixel.
    /// </summary>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="maxLongSidePx">The longest side allowed.</param>
    public static (int Width, int Height) FitLongSide(int width, int height, int maxLongSidePx)
    {
        var scale = Math.Min(1.0, (double)maxLongSidePx / Math.Max(width, height));
        return (Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
    }
}
