using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace TimeVision.Core.Estimating.Pricing.Documents;

/// <summary>
/// A quote printed as the offer a customer gets ("Cenová nabídka", or "Quotation" in English) on one A4 page (PDFsharp,
/// with the embedded DejaVu Sans): the shop's header, the customer and their request number, the date and the
/// validity date, the part (drawing number, name, material), and per batch quantity the unit and batch price without
/// VAT, the VAT and the batch with VAT. Amounts are rounded to 0.01 here; the VAT is worked out on the rounded batch price.
/// </summary>
internal static class QuotePdf
{
    private const double Left = 50;
    private const double Right = 545;
    private const double Top = 50;

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    private static readonly XFont Normal = Font(9.5, XFontStyleEx.Regular);
    private static readonly XFont Small = Font(8, XFontStyleEx.Regular);
    private static readonly XFont Strong = Font(9.5, XFontStyleEx.Bold);
    private static readonly XFont Heading = Font(12, XFontStyleEx.Bold);
    private static readonly XFont Title = Font(18, XFontStyleEx.Bold);
    private static readonly XPen Rule = new(XColors.Gray, 0.6);

    /// <summary>The PDF's bytes.</summary>
    public static byte[] Render(Quote quote, QuoteLetter letter, QuoteOfferOptions shop, DateOnly issuedOn)
    {
        var texts = QuoteTexts.Of(letter.Language);
        using var document = new PdfDocument();
        document.Info.Title = $"{texts.Title} {quote.Part.DrawingNumber}".Trim();
        document.Info.Creator = "TimeVision";
        var page = document.AddPage();
        page.Size = PageSize.A4;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var y = ShopHeader(gfx, shop, texts, Top);
            y = Addressee(gfx, letter, texts, shop, issuedOn, y);
            y = Part(gfx, quote, texts, y);
            y = Batches(gfx, quote, letter.Language, texts, shop.VatPercent, y);
            Footer(gfx, quote, letter.Language, texts, shop.VatPercent, y);
        }

        using var bytes = new MemoryStream();
        document.Save(bytes, false);
        return bytes.ToArray();
    }

    private static double ShopHeader(XGraphics gfx, QuoteOfferOptions shop, QuoteTexts texts, double y)
    {
        if (shop.ShopName.Length > 0)
        {
            y = Line(gfx, shop.ShopName, Heading, Left, y, 16);
        }

        foreach (var line in shop.ShopAddress.Split(['|', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            y = Line(gfx, line, Normal, Left, y, 12);
        }

        var ids = string.Join("    ", new[] { shop.ShopIco.Length > 0 ? $"{texts.Ico}: {shop.ShopIco}" : null, shop.ShopDic.Length > 0 ? $"{texts.Dic}: {shop.ShopDic}" : null }.OfType<string>());
        if (ids.Length > 0)
        {
            y = Line(gfx, ids, Normal, Left, y, 12);
        }

        if (shop.ShopContact.Length > 0)
        {
            y = Line(gfx, shop.ShopContact, Normal, Left, y, 12);
        }

        gfx.DrawLine(Rule, Left, y + 4, Right, y + 4);
        return y + 20;
    }

    private static double Addressee(XGraphics gfx, QuoteLetter letter, QuoteTexts texts, QuoteOfferOptions shop, DateOnly issuedOn, double y)
    {
        var title = letter.QuoteNumber is { } number ? string.Create(CultureInfo.InvariantCulture, $"{texts.Title} {texts.Number} {number}") : texts.Title;
        y = Line(gfx, title, Title, Left, y, 30);
        var dates = y;
        y = Labelled(gfx, texts.Customer, letter.Customer ?? "—", Left, y);
        y = Labelled(gfx, texts.RequestNumber, letter.RequestNumber ?? "—", Left, y);
        Labelled(gfx, texts.Date, QuoteAmounts.Date(issuedOn, letter.Language), 360, dates);
        Labelled(gfx, texts.ValidUntil, QuoteAmounts.Date(issuedOn.AddDays(shop.ValidityDays), letter.Language), 360, dates + 14);
        return y + 14;
    }

    private static double Part(XGraphics gfx, Quote quote, QuoteTexts texts, double y)
    {
        y = Line(gfx, texts.Part, Heading, Left, y, 18);
        y = Labelled(gfx, texts.DrawingNumber, quote.Part.DrawingNumber ?? "—", Left, y);
        y = Labelled(gfx, texts.PartName, quote.Part.Name ?? "—", Left, y);
        y = Labelled(gfx, texts.Material, quote.Part.Material ?? quote.Stock.MaterialGroup, Left, y);
        if (quote.Cooperation.Count > 0)
        {
            y = Labelled(gfx, texts.Cooperation, string.Join(", ", quote.Cooperation.Select(c => c.Name)), Left, y);
        }

        return y + 12;
    }

    private static double Batches(XGraphics gfx, Quote quote, QuoteLanguage language, QuoteTexts texts, decimal vatPercent, double y)
    {
        double[] rightEdges = [120, 230, 340, 440, Right];
        string[] headings = [texts.Quantity, texts.UnitPrice, texts.BatchPrice, $"{texts.Vat} {QuoteAmounts.Percent(vatPercent, language)}", texts.BatchWithVat];
        for (var i = 0; i < headings.Length; i++)
        {
            Cell(gfx, headings[i], Strong, rightEdges[i], y);
        }

        gfx.DrawLine(Rule, Left, y + 15, Right, y + 15);
        y += 20;
        foreach (var batch in quote.Batches)
        {
            var net = Math.Round(batch.Total, 2, MidpointRounding.AwayFromZero);
            var vat = Math.Round(net * vatPercent / 100m, 2, MidpointRounding.AwayFromZero);
            string[] cells =
            [
                string.Create(CultureInfo.InvariantCulture, $"{batch.Quantity} {texts.Pieces}"), QuoteAmounts.Money(batch.UnitPrice, quote.Currency, language),
                QuoteAmounts.Money(net, quote.Currency, language), QuoteAmounts.Money(vat, quote.Currency, language), QuoteAmounts.Money(net + vat, quote.Currency, language),
            ];
            for (var i = 0; i < cells.Length; i++)
            {
                Cell(gfx, cells[i], i == 1 ? Strong : Normal, rightEdges[i], y);
            }

            y += 15;
        }

        gfx.DrawLine(Rule, Left, y + 2, Right, y + 2);
        return y + 16;
    }

    private static void Footer(XGraphics gfx, Quote quote, QuoteLanguage language, QuoteTexts texts, decimal vatPercent, double y)
    {
        y = Line(gfx, texts.WithoutVat, Strong, Left, y, 13);
        y = Line(gfx, string.Format(CultureInfo.InvariantCulture, texts.VatNote, QuoteAmounts.Percent(vatPercent, language)), Normal, Left, y, 18);
        var basis = string.Create(CultureInfo.InvariantCulture, $"{texts.Basis}: TimeVision {quote.DocumentId[..Math.Min(12, quote.DocumentId.Length)]}, {texts.Rates} {quote.RatesVersion}, {texts.Plan} v{quote.PlanVersion}");
        Line(gfx, basis, Small, Left, y, 10);
    }

    private static double Labelled(XGraphics gfx, string label, string value, double x, double y)
    {
        gfx.DrawString($"{label}:", Normal, XBrushes.DimGray, new XRect(x, y, 95, 14), XStringFormats.TopLeft);
        gfx.DrawString(Fit(gfx, value, Strong, Right - x - 100), Strong, XBrushes.Black, new XRect(x + 100, y, Right - x - 100, 14), XStringFormats.TopLeft);
        return y + 14;
    }

    private static double Line(XGraphics gfx, string text, XFont font, double x, double y, double height)
    {
        gfx.DrawString(Fit(gfx, text, font, Right - x), font, XBrushes.Black, new XRect(x, y, Right - x, height), XStringFormats.TopLeft);
        return y + height;
    }

    private static void Cell(XGraphics gfx, string text, XFont font, double rightEdge, double y) =>
        gfx.DrawString(text, font, XBrushes.Black, new XRect(rightEdge - 105, y, 105, 14), XStringFormats.TopRight);

    /// <summary>The text, cut short with an ellipsis where it would run past <paramref name="width"/>.</summary>
    private static string Fit(XGraphics gfx, string text, XFont font, double width)
    {
        if (gfx.MeasureString(text, font).Width <= width)
        {
            return text;
        }

        var cut = text;
        while (cut.Length > 1 && gfx.MeasureString(cut + "…", font).Width > width)
        {
            cut = cut[..^1];
        }

        return cut + "…";
    }

    private static XFont Font(double size, XFontStyleEx style)
    {
        QuoteFonts.Install();
        return new XFont(QuoteFonts.Family, size, style, Unicode);
    }
}
