using SkiaSharp;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.Rendering;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Facts;

/// <summary>
/// The estimator's page outlines the facts' boxes over the rendered image, scaled by the facts' page size: boxes and page
/// size must be in the image's frame, the crop box turned by <c>/Rotate</c>, or every outline misses its word.
/// </summary>
public sealed class TextLayerFrameTests : IDisposable
{
    // A word on a 600 × 800 pt sheet, under a black block of exactly its box (the font's ascent 0.8 em, descent 0.2 em,
    // 0.6 em a character), away from the middle so that a turn or a shift shows.
    private const double WordX = 100, Baseline = 200, Size = 20;
    private const string Word = "MARKER";

    private readonly TempFolder _folder = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("cropped", 0)]
    [InlineData("turned", 90)]
    [InlineData("turned-back", 270)]
    [InlineData("cropped-and-turned", 90)]
    [InlineData("stored-turned", 0)]
    public async Task A_words_box_relative_to_the_facts_page_size_lands_on_the_word_in_the_rendered_image(string name, int rotation)
    {
        var sheet = Sheet().Rotated(rotation);
        if (name.StartsWith("cropped", StringComparison.Ordinal))
        {
            sheet.Cropped(40, 50, 500, 700);
        }

        if (name == "stored-turned")
        {
            sheet.StoredTurned();
        }

        var pdf = _folder.Write($"{name}.pdf", sheet.ToBytes());
        using var services = CoreServices.Create();
        var inspection = await services.Get<IPdfInspector>().InspectAsync(pdf, Token);
        Assert.True(inspection.Succeeded, inspection.Error?.Message);
        var page = inspection.Value.Pages[0];
        using var image = await RenderAsync(services, pdf, page);
        var text = await services.Get<PopplerTextReader>().TryReadAsync(pdf, 1, 1, Token);

        Assert.True(text.Succeeded, text.Error?.Message);
        var facts = DrawingFactsReader.Read(text.Value[0]);
        Assert.Equal((page.DisplayWidthPt, page.DisplayHeightPt), (facts.WidthPt, facts.HeightPt));
        Assert.Equal((double)image.Width / image.Height, facts.WidthPt!.Value / facts.HeightPt!.Value, 0.005);
        var box = Assert.Single(text.Value[0].Lines.SelectMany(l => l.Words), w => w.Text == Word).Box;
        var drawn = DarkBounds(image);
        Assert.Equal(drawn.Left, box.X / facts.WidthPt.Value, 0.01);
        Assert.Equal(drawn.Right, box.Right / facts.WidthPt.Value, 0.01);
        Assert.Equal(drawn.Top, box.Y / facts.HeightPt.Value, 0.01);
        Assert.Equal(drawn.Bottom, box.Bottom / facts.HeightPt.Value, 0.01);
    }

    [Fact]
    public async Task A_page_whose_rotation_is_known_is_read_in_the_same_frame_as_one_asked_for_by_number()
    {
        var pdf = _folder.Write("known.pdf", Sheet().Cropped(40, 50, 500, 700).Rotated(90).ToBytes());
        using var services = CoreServices.Create();
        var reader = services.Get<PopplerTextReader>();

        var byNumber = await reader.TryReadAsync(pdf, 1, 1, Token);
        var known = await reader.TryReadAsync(pdf, new PdfPageInfo(1, 500, 700, 90), Token);

        Assert.True(byNumber.Succeeded, byNumber.Error?.Message);
        Assert.True(known.Succeeded, known.Error?.Message);
        Assert.Equal((700d, 500d), (known.Value[0].Width, known.Value[0].Height));
        Assert.Equal(
            byNumber.Value[0].Lines.Select(l => l.Box),
            known.Value[0].Lines.Select(l => l.Box));
        Assert.Equal((byNumber.Value[0].Width, byNumber.Value[0].Height), (known.Value[0].Width, known.Value[0].Height));
    }

    [Fact]
    public async Task A_landscape_sheet_stored_turned_gives_the_title_block_the_upright_sheet_gives()
    {
        // A one-character drawing number near the right edge: measured against the page unturned (612 pt wide), it
        // would sit at the sheet's edge and be taken for a grid-zone marker.
        static TextPdf Landscape() => new TextPdf(792, 612).WithGrid(4).WithDimensions("2.500", "1.375", ".750")
            .Text(460, 470, "MATERIAL", 5).Text(465, 484, "6061-T6 ALUMINUM", 8)
            .Text(560, 545, "SIZE", 5).Text(590, 545, "DWG. NO.", 5).Text(566, 560, "A", 12).Text(640, 562, "7", 12)
            .Text(560, 575, "SCALE: 1:2", 5).Text(700, 575, "SHEET 1 OF 1", 5);
        using var reader = new SheetReader();

        var upright = await reader.ReadAsync(Landscape());
        var turned = await reader.ReadAsync(Landscape().StoredTurned());

        Assert.Equal((792d, 612d), (turned.WidthPt, turned.HeightPt));
        Assert.Equal(("7", FactConfidence.Medium), (turned.TitleBlock.DrawingNumber?.Value, turned.TitleBlock.DrawingNumber?.Confidence));
        Assert.Equal(
            (upright.TitleBlock.DrawingNumber?.Value, upright.TitleBlock.Material?.Value, upright.TitleBlock.Scale?.Value, upright.TitleBlock.Sheet?.Value),
            (turned.TitleBlock.DrawingNumber?.Value, turned.TitleBlock.Material?.Value, turned.TitleBlock.Scale?.Value, turned.TitleBlock.Sheet?.Value));
        Assert.Equal(Rounded(upright.TitleBlock.DrawingNumber?.Source.Box), Rounded(turned.TitleBlock.DrawingNumber?.Source.Box));
    }

    private static (double, double, double, double)? Rounded(TextBox? box) =>
        box is null ? null : (Math.Round(box.X, 1), Math.Round(box.Y, 1), Math.Round(box.Width, 1), Math.Round(box.Height, 1));

    private static TextPdf Sheet() =>
        new TextPdf(600, 800).Block(WordX, Baseline - (0.8 * Size), 0.6 * Size * Word.Length, Size).Text(WordX, Baseline, Word, Size);

    private static async Task<SKBitmap> RenderAsync(IServiceProvider services, string pdf, PdfPageInfo page)
    {
        using var png = new MemoryStream();
        var rendered = await services.Get<IPageRenderer>().RenderPageAsync(pdf, page, 1000, png, Token);
        Assert.True(rendered.Succeeded, rendered.Error?.Message);
        return SKBitmap.Decode(png.ToArray());
    }

    /// <summary>The box around the image's dark pixels, as fractions of its width and height.</summary>
    private static (double Left, double Top, double Right, double Bottom) DarkBounds(SKBitmap image)
    {
        int left = image.Width, top = image.Height, right = -1, bottom = -1;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                if (image.GetPixel(x, y).Red < 128)
                {
                    (left, top, right, bottom) = (Math.Min(left, x), Math.Min(top, y), Math.Max(right, x + 1), Math.Max(bottom, y + 1));
                }
            }
        }

        Assert.True(right > 0, "nothing dark was rendered");
        return ((double)left / image.Width, (double)top / image.Height, (double)right / image.Width, (double)bottom / image.Height);
    }
}
