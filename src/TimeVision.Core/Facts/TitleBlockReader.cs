using System.Text.RegularExpressions;

namespace TimeVision.Core.Facts;

/// <summary>
/// Reads title-block fields by their labels (<see cref="TitleBlockLabels"/>: German, English, Czech, Chinese): the value
/// written after the label on its line or glued to it, else the nearest text below or to the right of it. A field left
/// empty on the drawing stays empty.
/// </summary>
/// <remarks>
/// The drawing number is chosen by its label, in this order: a drawing-number field (Zeichnungsnummer, DWG NO., číslo
/// výkresu, 图号/图样代号), else a document-number field (document number, Dokumentnummer, číslo dokumentu), else a
/// part-number field (part no./nr., Teilenummer, číslo dílu, 零件号). Only the first is read at high confidence: a
/// document or part number is the drawing number by the template's habit, not by its label, so it is medium.
/// A bare one- or two-digit number is never a drawing number: it is a grid-zone marker as often as a field value.
/// Of several scales the one nearest the sheet's lower right corner is the sheet's (the others belong to views).
/// </remarks>
internal static partial class TitleBlockReader
{
    /// <summary>Reads the labelled fields of one page.</summary>
    public static TitleBlockFacts Read(TextPage page)
    {
        var labels = TitleBlockLabels.Find(page);
        var labelLines = labels.Select(l => l.Line).ToHashSet();
        DrawingFact? First(TitleBlockField field, IEnumerable<TitleBlockLabel>? ordered = null) =>
            (ordered ?? labels).Where(l => l.Field == field).Select(l => ValueOf(page, l, labels, labelLines)).FirstOrDefault(v => v is not null);

        var material = First(TitleBlockField.Material);
        var byCorner = labels.OrderByDescending(l => (l.Box.Right / page.Width) + (l.Box.Bottom / page.Height));
        return new TitleBlockFacts
        {
            Material = material,
            MaterialGroup = MaterialCatalog.GroupOf(material?.Value),
            PartName = First(TitleBlockField.PartName),
            DrawingNumber = First(TitleBlockField.DrawingNumber) ?? AsMedium(First(TitleBlockField.DocumentNumber) ?? First(TitleBlockField.PartNumber)),
            Scale = First(TitleBlockField.Scale, byCorner),
            Weight = First(TitleBlockField.Weight),
            Sheet = First(TitleBlockField.Sheet),
        };
    }

    private static DrawingFact? AsMedium(DrawingFact? fact) => fact is null ? null : fact with { Confidence = FactConfidence.Medium };

    private static DrawingFact? ValueOf(TextPage page, TitleBlockLabel label, List<TitleBlockLabel> labels, HashSet<TextLine> labelLines)
    {
        // Inline: "SCALE:1:5", "Material: Aluminium", "材料45钢", "BLATT 1 VON 1" — up to the next label on the line.
        var nextLabel = labels.Where(l => l.Line == label.Line && l.FirstWord > label.FirstWord).Select(l => l.FirstWord).DefaultIfEmpty(label.Line.Words.Count).Min();
        var inlineWords = label.Line.Words.Skip(label.FirstWord + label.WordCount).Take(nextLabel - label.FirstWord - label.WordCount).ToList();
        var inlineText = string.Join(' ', new[] { label.GluedValue }.Concat(inlineWords.Select(w => w.Text)).Where(t => !string.IsNullOrEmpty(t))).Trim();
        if (inlineText.Length > 0 && Validate(label.Field, inlineText, inline: true) is { } inlineValue)
        {
            var box = inlineWords.Select(w => w.Box).Aggregate(label.Box, (a, b) => a.Union(b));
            return new DrawingFact(inlineValue, FactConfidence.High, new FactSource(page.Number, label.Line.Text, box));
        }

        if (label.InlineOnly)
        {
            return null;
        }

        // Nearby: the closest line below (in the label's column) or to its right (on its row) that is not a label.
        var height = Math.Max(label.Box.Height, 4);
        var candidates = page.Lines
            .Where(line => !labelLines.Contains(line))
            .Select(line => (line, score: Distance(label.Box, line.Box, height)))
            .Where(c => c.score is not null)
            .OrderBy(c => c.score)
            .Take(3);
        foreach (var (line, _) in candidates)
        {
            if (Validate(label.Field, line.Text, inline: false) is { } value)
            {
                var (text, box) = label.Field == TitleBlockField.PartName ? WithContinuation(page, line, labelLines) : (value, line.Box);
                return new DrawingFact(text, FactConfidence.High, new FactSource(page.Number, line.Text, box));
            }
        }

        return null;
    }

    /// <summary>A name set over two lines of the same lettering in its cell ("NFR23 Rear Right" / "Upright") is one name.</summary>
    private static (string Text, TextBox Box) WithContinuation(TextPage page, TextLine first, HashSet<TextLine> labelLines)
    {
        var continuation = page.Lines.FirstOrDefault(line =>
            !labelLines.Contains(line)
            && line.Box.Y > first.Box.Y
            && line.Box.Y - first.Box.Bottom < 0.6 * first.Box.Height
            && Math.Abs(line.Box.Height - first.Box.Height) < 0.25 * first.Box.Height
            && line.Box.X < first.Box.Right && line.Box.Right > first.Box.X
            && Validate(TitleBlockField.PartName, line.Text, inline: false) is not null);
        return continuation is null
            ? (Clean(first.Text), first.Box)
            : ($"{Clean(first.Text)} {Clean(continuation.Text)}", first.Box.Union(continuation.Box));
    }

    /// <summary>How far a value candidate is from its label; <see langword="null"/> when it is not where a value would be.</summary>
    private static double? Distance(TextBox label, TextBox candidate, double height)
    {
        var dy = candidate.Y - label.Y;
        var below = dy > -height * 0.3 && dy < height * 4.5 + 8 && candidate.X > label.X - 20 && candidate.X < label.X + 180;
        var right = Math.Abs(candidate.Y - label.Y) < height && candidate.X >= label.Right - 1 && candidate.X - label.Right < 160;
        if (!below && !right)
        {
            return null;
        }

        return Math.Abs(dy) + (0.25 * Math.Abs(candidate.X - label.X));
    }

    private static string Clean(string text) => text.Trim().TrimEnd(':').Trim();

    private static string? Validate(TitleBlockField field, string text, bool inline)
    {
        text = Clean(text);
        if (text.Length == 0 || text.Length > 80)
        {
            return null;
        }

        switch (field)
        {
            case TitleBlockField.Material:
                // A short bare number beside a material label is a dimension or a zone, unless written in the field's own line ("材料45").
                return !DateLike().IsMatch(text) && (inline || !ShortNumber().IsMatch(text)) && MaterialCatalog.FindInField(text) is not null ? text : null;
            case TitleBlockField.Scale:
                return ScalePattern().Match(text) is { Success: true } scale ? $"{scale.Groups[1].Value}:{scale.Groups[2].Value}" : null;
            case TitleBlockField.Sheet:
                return SheetPattern().Match(text) is { Success: true } sheet ? $"{sheet.Groups[1].Value}/{sheet.Groups[2].Value}" : null;
            case TitleBlockField.Weight:
                return WeightPattern().IsMatch(text) ? text : null;
            case TitleBlockField.DrawingNumber or TitleBlockField.DocumentNumber or TitleBlockField.PartNumber:
                return (text.Any(char.IsDigit) || IdentifierPattern().IsMatch(text))
                    && !NotADrawingNumber().IsMatch(text) && !GridMarkers().IsMatch(text) && !LabelWord().IsMatch(text) && !IsMostlyMaterial(text) ? text : null;
            case TitleBlockField.PartName:
                return text.Any(char.IsLetter) && !NotAName().IsMatch(text) && !LabelWord().IsMatch(text) && !IsMostlyMaterial(text) ? text : null;
            default:
                return null;
        }
    }

    /// <summary>"Stahl" under a name label is the material's cell; "钢板" (steel plate) or "铜套" (bush) is a name.</summary>
    private static bool IsMostlyMaterial(string text) =>
        MaterialCatalog.Find(text) is { } found && found.Designation.Length * 2 > text.Length;

    /// <summary>A drawing number without digits is one identifier, such as a CAD file name (<c>small_base</c>).</summary>
    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N}_.\-/]{2,39}$")]
    private static partial Regex IdentifierPattern();

    /// <summary>A value holding a label's word is another field's label, not this field's value.</summary>
    [GeneratedRegex(@"\b(?:SCALE|SHEET|SIZE|REV|WEIGHT|MATERIAL|TITLE|DWG|MASSSTAB|BLATT|GEWICHT|WERKSTOFF)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LabelWord();

    [GeneratedRegex(@"(?<![\d.,])(\d{1,3})\s?:\s?(\d{1,3})(?![\d.,])")]
    private static partial Regex ScalePattern();

    [GeneratedRegex(@"^(?:\D*?)(\d{1,3})\s*(?:/|OF|VON|Z|ZE)\s*(\d{1,3})$", RegexOptions.IgnoreCase)]
    private static partial Regex SheetPattern();

    [GeneratedRegex(@"\d\s?(?:(?:kg|g|lbs?)\b|公斤|千克|克)", RegexOptions.IgnoreCase)]
    private static partial Regex WeightPattern();

    /// <summary>Dates, paper sizes, scales, revisions and sheet counts sit in title blocks beside drawing numbers.</summary>
    [GeneratedRegex(@"^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|A[0-4]|\d+\s?:\s?\d+|\d+\s?/\s?\d+|(?:SHEET|BLATT|REV|SCALE).*)$", RegexOptions.IgnoreCase)]
    private static partial Regex NotADrawingNumber();

    /// <summary>Grid-zone markers around the border (1–8, A–F), alone or as a row: never a drawing number.</summary>
    [GeneratedRegex(@"^(?:\d{1,2}|[A-Z])(?:\s+(?:\d{1,2}|[A-Z]))*$")]
    private static partial Regex GridMarkers();

    [GeneratedRegex(@"^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2})$")]
    private static partial Regex DateLike();

    [GeneratedRegex(@"^\d{1,3}$")]
    private static partial Regex ShortNumber();

    [GeneratedRegex(@"^(?:A[0-4]|[A-Z]|\d+(?:[.,]\d+)?|(?:SHEET|BLATT|SCALE|REV|DATE|NAME|DRAWN|CHECKED).*)$", RegexOptions.IgnoreCase)]
    private static partial Regex NotAName();
}
