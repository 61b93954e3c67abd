using System.Text.RegularExpressions;

namespace TimeVision.Core.Estimating.Facts;

/// <summary>A title-block field a label names.</summary>
internal enum TitleBlockField
{
    Material,
    PartName,
    DrawingNumber,

    /// <summary>A Catalan or Spanish template's reference (Referència, Referencia): its drawing number when no plan number is given.</summary>
    Reference,
    DocumentNumber,
    PartNumber,
    Scale,
    Weight,
    Sheet,

    /// <summary>Fields read only so their labels are known and no value runs into them (paper size, revision, finish).</summary>
    Other,
}

/// <summary>A label found on a line.</summary>
/// <param name="Field">The field it names.</param>
/// <param name="Line">Its line.</param>
/// <param name="FirstWord">The index of its first word in the line.</param>
/// <param name="WordCount">How many words it spans.</param>
/// <param name="Box">Its box.</param>
/// <param name="GluedValue">Text after the label inside its own last word (<c>材料45钢</c>, <c>SCALE:1:5</c>), else null.</param>
/// <param name="InlineOnly">The value was glued to the label without a colon: it is that text or nothing, never a neighbouring cell.</param>
internal sealed record TitleBlockLabel(TitleBlockField Field, TextLine Line, int FirstWord, int WordCount, TextBox Box, string? GluedValue, bool InlineOnly);

/// <summary>
/// Title-block labels in German, English (ISO templates and the ANSI blocks of SolidWorks, Onshape and Fusion 360),
/// Czech, Catalan, Spanish and Chinese, and where on a line a label may stand: at the start of
/// the line or right after another label; anywhere when it ends with a colon (<c>QTY: 1 MATERIAL: AISI1020</c> is two
/// cells on one line; not <c>name:</c>, which there is a person's) or is Chinese; a scale or sheet label anywhere when
/// its value's form follows (<c>A4 Drawing - Scale 4:1</c>, <c>SCALE: 1:2 SHEET 1 OF 2</c>).
/// </summary>
internal static partial class TitleBlockLabels
{
    // Within a field a longer label comes before the one it starts with (材料标记 before 材料).
    private static readonly (TitleBlockField Field, string[] Labels)[] Labels =
    [
        (TitleBlockField.Material, ["WERKSTOFF", "MATERIAL", "MATERIÁL", "POLOTOVAR", "MATL", "MAT'L", "材料标记", "材料", "材质"]),
        (TitleBlockField.PartName, ["BENENNUNG", "BEZEICHNUNG", "TITLE", "TITEL", "NÁZEV", "PART NAME", "NAME:", "PEÇA", "PIEZA", "TÍTOL", "TÍTULO", "DENOMINACIÓ", "DENOMINACIÓN", "图样名称", "零件名称", "名称"]),
        (TitleBlockField.DrawingNumber, ["ZEICHNUNGSNUMMER", "ZEICHNUNGSNR", "ZEICHNUNGS-NR", "ZEICHN.-NR", "DWG NO", "DWG. NO", "DWG NR", "DWG NUMBER", "DRAWING NO", "DRAWING NR", "DRAWING NUMBER", "ČÍSLO VÝKRESU", "Č. VÝKRESU", "Nº DE PLANO", "Nº PLANO", "N° PLANO", "NO. PLANO", "NÚMERO DE PLANO", "NÚM. PLÀNOL", "PLÀNOL", "PLANO", "图样代号", "图号"]),
        (TitleBlockField.Reference, ["REFERÈNCIA", "REFERENCIA", "REF."]),
        (TitleBlockField.DocumentNumber, ["DOCUMENT NUMBER", "DOCUMENT NO", "DOCUMENT NR", "DOC. NO", "DOC NO", "DOKUMENTNUMMER", "DOKUMENTNR", "DOKUMENT-NR", "ČÍSLO DOKUMENTU", "文件编号", "文档编号"]),
        (TitleBlockField.PartNumber, ["PART NUMBER", "PART NO", "PART NR", "P/N", "TEILENUMMER", "TEILE-NR", "TEIL-NR", "SACHNUMMER", "SACH-NR", "IDENTNUMMER", "IDENT-NR", "ARTIKELNUMMER", "ARTIKEL-NR", "ČÍSLO DÍLU", "Č. DÍLU", "零件号", "零件代号"]),
        (TitleBlockField.Scale, ["MASSSTAB", "MAẞSTAB", "MAßSTAB", "SCALE", "MĚŘÍTKO", "ESCALA", "比例"]),
        (TitleBlockField.Weight, ["GEWICHT", "WEIGHT", "HMOTNOST", "MASSE", "PESO", "PES", "重量", "质量"]),
        (TitleBlockField.Sheet, ["BLATT", "SHEET", "LIST", "HOJA", "FULL"]),
        (TitleBlockField.Other, [
            "SIZE", "FORMAT", "REV", "REVISION", "FINISH", "QTY", "QUANTITY", "TREATMENT", "HARDNESS", "CODE", "CAGE CODE", "FSCM NO",
            "QUANT", "CANTIDAD", "QUANTITAT", "MIDES MÀX", "MIDES", "DIMENSIONES", "FORMATO", "表面处理", "热处理", "数量",

            // Who and when: a person's name or a date in these cells is never the part's name or number.
            "DRAWN", "CHECKED", "ENG APPR", "MFG APPR", "APPROVED", "COMMENTS", "NEXT ASSY", "USED ON", "DATE", "CREATED BY",
            "DOCUMENT TYPE", "DOCUMENT STATUS", "DATE OF ISSUE", "DEPT", "TECHNICAL REFERENCE", "DIBUJADO", "COMPROBADO", "FECHA",
            "DIBUIXAT", "COMPROVAT", "DATA"]),
    ];

    /// <summary>Every label on the page, in reading order.</summary>
    public static List<TitleBlockLabel> Find(TextPage page)
    {
        var found = new List<TitleBlockLabel>();
        foreach (var line in page.Lines)
        {
            for (var i = 0; i < line.Words.Count; i++)
            {
                if (LabelAt(line, i) is not { } label)
                {
                    continue;
                }

                // "DO NOT SCALE DRAWING" is a note and "NAME SIGNATURE DATE" a table header, not labels.
                var followsLabel = found.Count > 0 && found[^1].Line == line && found[^1].FirstWord + found[^1].WordCount == i;
                if (i == 0 || (followsLabel && !IsPersonField(label)) || (EndsWithColon(line, label) && !IsPersonField(label)) || IsChinese(line.Words[i].Text[0]) || ValueFollows(line, label))
                {
                    found.Add(label);
                    i += label.WordCount - 1;
                }
            }
        }

        return found;
    }

    /// <summary>Whether <paramref name="c"/> is a CJK ideograph: Chinese text has no spaces between label and value.</summary>
    public static bool IsChinese(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    /// <summary>The first label (in <see cref="Labels"/> order) whose words start at word <paramref name="start"/>.</summary>
    private static TitleBlockLabel? LabelAt(TextLine line, int start)
    {
        foreach (var (field, names) in Labels)
        {
            foreach (var name in names)
            {
                var wordCount = IsChinese(name[0]) ? MatchChinese(line, start, name, out var glued, out var inlineOnly) : MatchWords(line, start, name, out glued, out inlineOnly);
                if (wordCount > 0)
                {
                    var box = line.Words.Skip(start).Take(wordCount).Select(w => w.Box).Aggregate((a, b) => a.Union(b));
                    return new TitleBlockLabel(field, line, start, wordCount, box, glued, inlineOnly);
                }
            }
        }

        return null;
    }

    /// <summary>How many words from <paramref name="start"/> spell <paramref name="name"/>, each label word beginning its word; 0 when they do not.</summary>
    private static int MatchWords(TextLine line, int start, string name, out string? glued, out bool inlineOnly)
    {
        var parts = name.Split(' ');
        glued = null;
        inlineOnly = false;
        if (start + parts.Length > line.Words.Count)
        {
            return 0;
        }

        for (var k = 0; k < parts.Length; k++)
        {
            var word = Normalise(line.Words[start + k].Text);
            if (!word.StartsWith(parts[k], StringComparison.OrdinalIgnoreCase) || !Ending(parts[k], word[parts[k].Length..], k == parts.Length - 1, out glued, out inlineOnly))
            {
                return 0;
            }
        }

        return parts.Length;
    }

    /// <summary>
    /// How many words from <paramref name="start"/> begin with the Chinese label <paramref name="name"/>: usually one
    /// (<c>材料</c>, <c>材料45钢</c>), or one a character when the label is lettered with wide spacing (<c>材 料</c>).
    /// </summary>
    private static int MatchChinese(TextLine line, int start, string name, out string? glued, out bool inlineOnly)
    {
        var joined = string.Empty;
        var count = 0;
        while (start + count < line.Words.Count && joined.Length < name.Length)
        {
            joined += Normalise(line.Words[start + count].Text);
            count++;
        }

        glued = null;
        inlineOnly = false;
        return joined.StartsWith(name, StringComparison.Ordinal) && Ending(name, joined[name.Length..], true, out glued, out inlineOnly) ? count : 0;
    }

    /// <summary>
    /// What may follow a label's text inside its word: nothing, a colon or a dot; in the last word a value after a
    /// colon (<c>SCALE:1:5</c>), after a label that ends with one (<c>NAME:Shaft</c>), or glued to a Chinese label.
    /// </summary>
    private static bool Ending(string label, string rest, bool last, out string? glued, out bool inlineOnly)
    {
        glued = null;
        inlineOnly = false;
        if (rest.Length == 0 || rest is ":" or "." or ".:")
        {
            return true;
        }

        if (!last)
        {
            return false;
        }

        if (rest[0] == ':' || (rest.StartsWith('.') && rest.Length > 1 && rest[1] == ':'))
        {
            glued = rest.TrimStart('.')[1..];
            return true;
        }

        if (label.EndsWith(':') || IsChinese(label[0]))
        {
            glued = rest;
            inlineOnly = !label.EndsWith(':');
            return true;
        }

        return false;
    }

    /// <summary>"name:" inside a line, even right after another label, is more often a person's ("DRAWN NAME: J. SMITH") than the part's.</summary>
    private static bool IsPersonField(TitleBlockLabel label) =>
        label.Field == TitleBlockField.PartName && label.Line.Words[label.FirstWord].Text.StartsWith("NAME", StringComparison.OrdinalIgnoreCase);

    private static bool EndsWithColon(TextLine line, TitleBlockLabel label)
    {
        var lastWord = Normalise(line.Words[label.FirstWord + label.WordCount - 1].Text);
        return lastWord.Contains(':', StringComparison.Ordinal);
    }

    /// <summary>A scale or sheet label inside a line, followed by its value's own form: "Scale 4:1", "SHEET 1 OF 2".</summary>
    private static bool ValueFollows(TextLine line, TitleBlockLabel label)
    {
        var after = label.GluedValue ?? string.Join(' ', line.Words.Skip(label.FirstWord + label.WordCount).Take(3).Select(w => w.Text));
        return label.Field switch
        {
            TitleBlockField.Scale => LeadingRatio().IsMatch(after),
            TitleBlockField.Sheet => LeadingSheetCount().IsMatch(after),
            _ => false,
        };
    }

    /// <summary>Full-width colons (Chinese) read as colons.</summary>
    private static string Normalise(string word) => word.Replace('：', ':');

    [GeneratedRegex(@"^\(?\d{1,3}\s?:\s?\d{1,3}")]
    private static partial Regex LeadingRatio();

    [GeneratedRegex(@"^\d{1,3}\s*(?:/|OF|VON|Z|ZE|DE)\s*\d{1,3}\b", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingSheetCount();
}
