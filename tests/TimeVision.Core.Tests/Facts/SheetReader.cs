using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Facts;

/// <summary>
/// Reads a generated sheet the way the pipeline reads a customer's drawing: the PDF written to disk, its text layer
/// read by Poppler's pdftotext, the facts by <see cref="DrawingFactsReader"/>.
/// </summary>
internal sealed class SheetReader : IDisposable
{
    private readonly ServiceProvider _services = CoreServices.Create();
    private readonly TempFolder _folder = new();

    /// <summary>The facts of the sheet's one page.</summary>
    public async Task<PageFacts> ReadAsync(TextPdf sheet)
    {
        var path = _folder.Write($"sheet-{Guid.NewGuid():N}.pdf", sheet.ToBytes());
        var pages = await _services.Get<DrawingFactsReader>().ReadAsync(path, null, TestContext.Current.CancellationToken);
        return Assert.Single(pages);
    }

    public void Dispose()
    {
        _services.Dispose();
        _folder.Dispose();
    }
}

/// <summary>What every drawing sheet has besides its title block.</summary>
internal static class Sheets
{
    /// <summary>
    /// Grid-zone markers around the border as CAD templates print them: 1…<paramref name="columns"/> along the top and
    /// bottom edges (right to left, as ISO 5457 and ASME sheets number them), A…F down both sides.
    /// </summary>
    public static TextPdf WithGrid(this TextPdf sheet, int columns = 8)
    {
        var step = (sheet.Width - 40) / columns;
        for (var i = 0; i < columns; i++)
        {
            var number = (columns - i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var x = 20 + (step * i) + (step / 2);
            sheet.Text(x, 14, number, 10).Text(x, sheet.Height - 5, number, 10);
        }

        var rows = "FEDCBA";
        var rowStep = (sheet.Height - 40) / rows.Length;
        for (var i = 0; i < rows.Length; i++)
        {
            var y = 20 + (rowStep * i) + (rowStep / 2);
            sheet.Text(5, y, rows[i].ToString(), 10).Text(sheet.Width - 13, y, rows[i].ToString(), 10);
        }

        return sheet;
    }

    /// <summary>Dimension values in the drawing area, a few per row, as the views carry them.</summary>
    public static TextPdf WithDimensions(this TextPdf sheet, params string[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            sheet.Text(90 + (i % 4 * 110), 120 + (i / 4 * 45), values[i], 9);
        }

        return sheet;
    }
}
