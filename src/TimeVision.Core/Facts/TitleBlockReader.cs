using System.Globalization;
using System.Text.RegularExpressions;

namespace TimeVision.Core.Facts;

/// <summary>
/// Reads title-block fields by their labels (German, English, Czech): the value written after the label on its line,
/// else the nearest text below or to the right of it. A field left empty on the drawing stays empty.
/// </summary>
internal static partial class TitleBlockReader
{
    private enum Field
    {
        Material,
        PartName,
        DrawingNumber,
        Scale,
        Weight,
        Sheet,

        /// <summary>Fields read only so their labels are known (paper size, revision).</summary>
        Other,
    }

    private static readonly (Field Field, string[] Labels)[] Labels =
    [
        (Field.Material, ["WERKSTOFF", "MATERIAL", "MATERIÁL"]),
        (Field.PartName, ["BENENNUNG", "BEZEICHNUNG", "TITLE", "TITEL", "NÁZEV", "PART NAME"]),
        (Field.DrawingNumber, ["ZEICHNUNGSNUMMER", "ZEICHNUNGSNR", "ZEICHNUNGS-NR", "ZEICHN.-NR", "DWG NO", "DWG. NO", "DWG NUMBER", "DRAWING NO", "DRAWING NUMBER", "ČÍSLO VÝKRESU", "Č. VÝKRESU"]),
        (Field.Scale, ["MASSSTAB", "MAẞSTAB", "MAßSTAB", "SCALE", "MĚŘÍTKO"]),
        (Field.Weight, ["GEWICHT", "WEIGHT", "HMOTNOST", "MASSE"]),
        (Field.Sheet, ["BLATT", "SHEET", "LIST"]),
        (Field.Other, ["SIZE", "FORMAT", "REV", "REVISION"]),
    ];

    /// <summary>Reads the labelled fields of one page.</summary>
    public static TitleBlockFacts Read(TextPage page)
    {
        var labels = FindLabels(page);
        var facts = new TitleBlockFacts();
        foreach (var field in Enum.GetValues<Field>().Where(f => f != Field.Other))
        {
            foreach (var label in labels.Where(l => l.Field == field))
            {
                var fact = ValueOf(page, label, labels);
                if (fact is null)
                {
                    continue;
                }

                facts = field switch
                {
                    Field.Material => facts with { Material = fact, MaterialGroup = MaterialCatalog.GroupOf(fact.Value) },
                    Field.PartName => facts with { PartName = fact },
                    Field.DrawingNumber => facts with { DrawingNumber = fact },
                    Field.Scale => facts with { Scale = fact },
                    Field.Weight => facts with { Weight = fact },
                    _ => facts with { Sheet = fact },
                };
                break;
            }
        }

        return facts;
    }

    private sealed record Label(Field Field, TextLine Line, int FirstWord, int WordCount, TextBox Box);

    private static List<Label> FindLabels(TextPage page)
    {
        var found = new List<Label>();
        foreach (var line in page.Lines)
        {
            for (var i = 0; i < line.Words.Count; i++)
            {
                // A label starts its line or follows another label ("Title DWG No."); "DO NOT SCALE DRAWING" is a note.
                var startsField = i == 0 || (found.Count > 0 && found[^1].Line == line && found[^1].FirstWord + found[^1].WordCount == i);
                if (startsField && LabelAt(line, i) is { } label)
                {
                    found.Add(label);
                    i += label.WordCount - 1;
                }
            }
        }

        return found;
    }

    /// <summary>The first label (in <see cref="Labels"/> order) whose words start at word <paramref name="start"/>.</summary>
    private static Label? LabelAt(TextLine line, int start)
    {
        foreach (var (field, names) in Labels)
        {
            foreach (var parts in names.Select(name => name.Split(' ')))
            {
                var matches = start + parts.Length <= line.Words.Count
                    && parts.Select((part, k) => (part, word: line.Words[start + k].Text))
                        .All(p => p.word.StartsWith(p.part, StringComparison.OrdinalIgnoreCase)
                            && IsLabelEnding(p.word[p.part.Length..], p.part == parts[^1]));
                if (matches)
                {
                    var box = line.Words.Skip(start).Take(parts.Length).Select(w => w.Box).Aggregate((a, b) => a.Union(b));
                    return new Label(field, line, start, parts.Length, box);
                }
            }
        }

        return null;
    }

    /// <summary>What may follow a label's text inside its word: nothing, a colon or a dot, or (last word) an inline value after a colon.</summary>
    private static bool IsLabelEnding(string rest, bool lastPart) =>
        rest.Length == 0 || rest is ":" or "." or ".:" || (lastPart && rest.StartsWith(':'));

    private static DrawingFact? ValueOf(TextPage page, Label label, List<Label> labels)
    {
        // Inline: "SCALE:1:5", "Material: Aluminium", "BLATT 1 VON 1" — up to the next label on the line.
        var lastLabelWord = label.Line.Words[label.FirstWord + label.WordCount - 1].Text;
        var colon = lastLabelWord.IndexOf(':', StringComparison.Ordinal);
        var inlineStart = colon >= 0 && colon < lastLabelWord.Length - 1 ? lastLabelWord[(colon + 1)..] : null;
        var nextLabel = labels.Where(l => l.Line == label.Line && l.FirstWord > label.FirstWord).Select(l => l.FirstWord).DefaultIfEmpty(label.Line.Words.Count).Min();
        var inlineWords = label.Line.Words.Skip(label.FirstWord + label.WordCount).Take(nextLabel - label.FirstWord - label.WordCount).ToList();
        var inlineText = string.Join(' ', new[] { inlineStart }.Concat(inlineWords.Select(w => w.Text)).Where(t => !string.IsNullOrEmpty(t))).Trim();
        if (inlineText.Length > 0 && Validate(label.Field, inlineText) is { } inlineValue)
        {
            var box = inlineWords.Select(w => w.Box).Aggregate(label.Box, (a, b) => a.Union(b));
            return new DrawingFact(inlineValue, FactConfidence.High, new FactSource(page.Number, label.Line.Text, box));
        }

        // Nearby: the closest line below (in the label's column) or to its right (on its row) that is not a label.
        var labelLines = labels.Select(l => l.Line).ToHashSet();
        var height = Math.Max(label.Box.Height, 4);
        var candidates = page.Lines
            .Where(line => !labelLines.Contains(line))
            .Select(line => (line, score: Distance(label.Box, line.Box, height)))
            .Where(c => c.score is not null)
            .OrderBy(c => c.score)
            .Take(3);
        foreach (var (line, _) in candidates)
        {
            if (Validate(label.Field, line.Text) is { } value)
            {
                return new DrawingFact(value, FactConfidence.High, new FactSource(page.Number, line.Text, line.Box));
            }
        }

        return null;
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

    private static string? Validate(Field field, string text)
    {
        text = text.Trim().TrimEnd(':').Trim();
        if (text.Length == 0 || text.Length > 80)
        {
            return null;
        }

        switch (field)
        {
            case Field.Material:
                // A short bare number beside a material label is a dimension or a zone marker, not GB steel 45.
                return !ShortNumber().IsMatch(text) && MaterialCatalog.FindInField(text) is not null ? text : null;
            case Field.Scale:
                return ScalePattern().Match(text) is { Success: true } scale ? $"{scale.Groups[1].Value}:{scale.Groups[2].Value}" : null;
            case Field.Sheet:
                return SheetPattern().Match(text) is { Success: true } sheet ? $"{sheet.Groups[1].Value}/{sheet.Groups[2].Value}" : null;
            case Field.Weight:
                return WeightPattern().IsMatch(text) ? text : null;
            case Field.DrawingNumber:
                return (text.Any(char.IsDigit) || IdentifierPattern().IsMatch(text))
                    && !NotADrawingNumber().IsMatch(text) && !LabelWord().IsMatch(text) && MaterialCatalog.Find(text) is null ? text : null;
            default:
                return text.Any(char.IsLetter) && !NotAName().IsMatch(text) && !LabelWord().IsMatch(text) && MaterialCatalog.Find(text) is null ? text : null;
        }
    }

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

    [GeneratedRegex(@"\d\s?(?:kg|g|lbs?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WeightPattern();

    /// <summary>Dates, paper sizes, scales, revisions and sheet counts sit in title blocks beside drawing numbers.</summary>
    [GeneratedRegex(@"^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|A[0-4]|\d+\s?:\s?\d+|\d+\s?/\s?\d+|(?:SHEET|BLATT|REV|SCALE).*)$", RegexOptions.IgnoreCase)]
    private static partial Regex NotADrawingNumber();

    [GeneratedRegex(@"^(?:A[0-4]|\d+(?:[.,]\d+)?|(?:SHEET|BLATT|SCALE|REV|DATE|NAME|DRAWN|CHECKED).*)$", RegexOptions.IgnoreCase)]
    private static partial Regex NotAName();

    [GeneratedRegex(@"^\d{1,3}$")]
    private static partial Regex ShortNumber();
}
