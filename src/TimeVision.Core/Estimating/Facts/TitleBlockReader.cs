using System.Text.RegularExpressions;

namespace TimeVision.Core.Estimating.Facts;

/// <summary>
/// Reads title-block fields by their labels (<see cref="TitleBlockLabels"/>): the value written after the label on its
/// line or glued to it, else the nearest text in the next cell below or to the right of it that no nearer label owns.
/// A field left empty on the drawing stays empty.
/// </summary>
/// <remarks>
/// The drawing number is chosen by its label, in this order: a drawing-number field (Zeichnungsnummer, DWG NO., číslo
/// výkresu, Nº plano, 图号/图样代号), else a Catalan or Spanish reference (Referència, Referencia), else a
/// document-number field (document number, Dokumentnummer, číslo dokumentu), else a part-number field (part no./nr.,
/// Teilenummer, číslo dílu, 零件号). The first two are read at high confidence: a document or part number is the
/// drawing number by the template's habit, not by its label, so it is medium. A grid marker, a sheet size or a page
/// count is never a drawing number; one or two digits in a drawing-number cell that are not a border's grid marker
/// are, at medium (their form alone is a marker's), unless
/// they repeat the sheet's own number on a drawing of several sheets. A line the drawing number took is not also the part's name.
/// Of several scales the one nearest the sheet's lower right corner is the sheet's (the others belong to views).
/// </remarks>
internal static partial class TitleBlockReader
{
    /// <summary>Reads the labelled fields of one page.</summary>
    public static TitleBlockFacts Read(TextPage page)
    {
        var labelled = new LabelledPage(page, TitleBlockLabels.Find(page));
        var material = labelled.First(TitleBlockField.Material);
        var sheet = labelled.First(TitleBlockField.Sheet);
        var drawingNumber = WithoutSheetCount(
            labelled.First(TitleBlockField.DrawingNumber)
            ?? labelled.First(TitleBlockField.Reference)
            ?? AsMedium(labelled.First(TitleBlockField.DocumentNumber) ?? labelled.First(TitleBlockField.PartNumber)),
            sheet);
        var byCorner = labelled.Labels.OrderByDescending(l => (l.Box.Right / page.Width) + (l.Box.Bottom / page.Height));
        return new TitleBlockFacts
        {
            Material = material,
            MaterialGroup = MaterialCatalog.GroupOf(material?.Value),
            PartName = labelled.First(TitleBlockField.PartName, taken: drawingNumber?.Source.Box),
            DrawingNumber = drawingNumber,
            Scale = labelled.First(TitleBlockField.Scale, byCorner) ?? ScaleWithTrailingWord(page),
            Weight = labelled.First(TitleBlockField.Weight),
            Sheet = sheet,
        };
    }

    /// <summary>
    /// A short number in the drawing-number cell that repeats the sheet's own number on a drawing of several sheets
    /// (<c>3</c> on <c>SHEET 3 OF 5</c>) counts the sheets: it tells no drawing from another.
    /// </summary>
    private static DrawingFact? WithoutSheetCount(DrawingFact? number, DrawingFact? sheet) =>
        number is not null && sheet?.Value.Split('/') is [var n, var m] && m != "1" && TitleBlockValues.IsShortNumber(number.Value) && number.Value == n
            ? null
            : number;

    /// <summary>
    /// A ratio with its word after it, alone on a line (<c>1:1 Ratio</c>, <c>2:1 SCALE</c>): the sheet's scale where no
    /// label precedes one, at medium, since the word is not where a label stands.
    /// </summary>
    private static DrawingFact? ScaleWithTrailingWord(TextPage page) =>
        page.Lines.Select(line => (line, match: TrailingScaleWord().Match(line.Text))).FirstOrDefault(c => c.match.Success) is ({ } line, { } match)
            ? new DrawingFact($"{match.Groups[1].Value}:{match.Groups[2].Value}", FactConfidence.Medium, new FactSource(page.Number, line.Text, line.Box))
            : null;

    [GeneratedRegex(@"^\(?(\d{1,3})\s?:\s?(\d{1,3})\)?\s+(?:RATIO|SCALE|MASSSTAB|MA[ẞß]STAB|ESCALA|MĚŘÍTKO)$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingScaleWord();

    private static DrawingFact? AsMedium(DrawingFact? fact) => fact is null ? null : fact with { Confidence = FactConfidence.Medium };
}
