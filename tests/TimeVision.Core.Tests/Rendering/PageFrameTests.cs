using TimeVision.Core.Estimating.Rendering;

namespace TimeVision.Core.Tests.Rendering;

public sealed class PageFrameTests
{
    private static readonly RenderingOptions Defaults = new();

    [Fact]
    public void A4_landscape_renders_at_the_full_300_dpi()
    {
        var frame = PageFrame.For(new PdfPageInfo(1, 841.89, 595.276, 0), Defaults);

        Assert.True(frame.Succeeded);
        Assert.Equal(new PageFrame(3507, 2480, 300), frame.Value);
    }

    [Fact]
    public void A3_is_capped_at_4096_pixels_on_its_long_side_with_the_dpi_lowered_to_match()
    {
        var frame = PageFrame.For(new PdfPageInfo(1, 1190.55, 841.89, 0), Defaults);

        Assert.True(frame.Succeeded);
        Assert.Equal(4096, frame.Value.WidthPx);
        Assert.Equal(2896, frame.Value.HeightPx);
        Assert.Equal(247.71, frame.Value.Dpi, precision: 2);
    }

    [Fact]
    public void A_rotated_page_is_framed_as_a_viewer_shows_it()
    {
        var frame = PageFrame.For(new PdfPageInfo(1, 595.276, 841.89, 90), Defaults);

        Assert.True(frame.Succeeded);
        Assert.True(frame.Value.WidthPx > frame.Value.HeightPx);
    }

    [Fact]
    public void The_pixel_budget_lowers_the_dpi_of_a_square_page()
    {
        var options = new RenderingOptions { MaxPixels = 2000 * 2000 };

        var frame = PageFrame.For(new PdfPageInfo(1, 1000, 1000, 0), options);

        Assert.True(frame.Succeeded);
        Assert.InRange((long)frame.Value.WidthPx * frame.Value.HeightPx, 1, options.MaxPixels);
        Assert.Equal(2000, frame.Value.WidthPx);
    }

    [Fact]
    public void A_banner_page_that_needs_less_than_the_minimum_dpi_is_too_large()
    {
        // 5 m × 0.3 m: 4096 px across 5 m is about 21 DPI.
        var frame = PageFrame.For(new PdfPageInfo(7, 14173, 850, 0), Defaults);

        Assert.False(frame.Succeeded);
        Assert.Equal(RenderErrorCode.PageTooLarge, frame.Error.Code);
        Assert.Contains("Page 7", frame.Error.Message, StringComparison.Ordinal);
        Assert.Contains("72 DPI", frame.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lowering_the_minimum_dpi_lets_a_banner_page_through()
    {
        var frame = PageFrame.For(new PdfPageInfo(1, 14173, 850, 0), new RenderingOptions { MinDpi = 20 });

        Assert.True(frame.Succeeded);
        Assert.Equal(4096, frame.Value.WidthPx);
    }

    [Fact]
    public void Scaled_to_fit_a_long_side_keeps_the_proportions_and_lowers_the_dpi()
    {
        var frame = new PageFrame(3507, 2480, 300);

        var scaled = frame.ScaledToFit(2048);

        Assert.Equal((2048, 1448), (scaled.WidthPx, scaled.HeightPx));
        Assert.Equal(175.19, scaled.Dpi, precision: 2);
        Assert.Equal(PageFrame.FitLongSide(3507, 2480, 2048), (scaled.WidthPx, scaled.HeightPx));
    }

    [Fact]
    public void A_frame_that_already_fits_is_never_scaled_up()
    {
        var frame = new PageFrame(1240, 1754, 150);

        Assert.Same(frame, frame.ScaledToFit(2048));
        Assert.Equal((1240, 1754), PageFrame.FitLongSide(1240, 1754, 2048));
    }

    [Fact]
    public void An_a0_sheet_within_the_render_limits_scales_below_the_minimum_dpi_without_being_too_large()
    {
        // The limits (and page_too_large) apply to the frame; the model's smaller size is a downscale of it.
        var framed = PageFrame.For(new PdfPageInfo(1, 3370.4, 2383.9, 0), Defaults);

        var scaled = framed.Value!.ScaledToFit(2048);

        Assert.True(framed.Succeeded);
        Assert.Equal(4096, framed.Value.WidthPx);
        Assert.Equal(2048, scaled.WidthPx);
        Assert.True(scaled.Dpi < Defaults.MinDpi);
    }
}
