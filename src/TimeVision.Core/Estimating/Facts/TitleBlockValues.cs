using System.Text.RegularExpressions;

namespace TimeVision.Core.Estimating.Facts;

/// <summary>
/// What a title-block field's value may look like: a material the catalogue knows, a scale, a sheet count, a weight,
/// a number that is not a date, a sheet size, a grid marker or a page count, a name that is not another field's label.
/// </summary>
internal static partial class TitleBlockValues
{
    /// <summary>The value normalised for <paramref name="field"/>, or <see langword="null"/> when the text cannot be that field's.</summary>
    /// <param name="field">The field.</param>
    /// <param name="text">The candidate text.</param>
    /// <param name="inline">Whether the text stands on the label's own line (<c>材料45</c>): a bare grade then counts.</param>
    public static string? Validate(TitleBlockField field, string text, bool inline)
    {
        text = Clean(text);
        if (text.Length == 0 || text.Length > 80)
        {
            return null;
        }

        return field switch
        {
            // A short bare number beside a material label is a dimension or a zone, unless written in the field's own line ("材料45").
            TitleBlockField.Material => !DateLike().IsMatch(text) && (inline || !ShortNumber().IsMatch(text)) && MaterialCatalog.FindInField(text) is not null ? text : null,
            TitleBlockField.Scale => ScalePattern().Match(text) is { Success: true } scale ? $"{scale.Groups[1].Value}:{scale.Groups[2].Value}" : null,
            TitleBlockField.Sheet => SheetPattern().Match(text) is { Success: true } sheet ? $"{sheet.Groups[1].Value}/{sheet.Groups[2].Value}" : null,
            TitleBlockField.Weight => WeightPattern().IsMatch(text) ? text : null,
            TitleBlockField.DrawingNumber or TitleBlockField.Reference or TitleBlockField.DocumentNumber or TitleBlockField.PartNumber => IsNumberLike(text) ? text : null,
            TitleBlockField.PartName => text.Any(char.IsLetter) && !NotAName().IsMatch(text) && !LabelWord().IsMatch(text) && !IsMostlyMaterial(text) ? text : null,
            _ => null,
        };
    }

    /// <summary>
    /// A value of one or two digits in a drawing-number cell (<c>1</c>): a drawing number only when it is not a grid
    /// marker, and then at medium confidence, since its form alone cannot tell it from one.
    /// </summary>
    public static bool IsShortNumber(string text) => ShortDigits().IsMatch(Clean(text));

    /// <summary>The text without surrounding blanks and a trailing colon.</summary>
    public static string Clean(string text) => text.Trim().TrimEnd(':').Trim();

    /// <summary>
    /// Whether a number field's value may be a drawing number: it holds a digit or is one identifier (a CAD file name
    /// such as <c>small_base</c>), and is not a date, a scale, a page count (<c>1/1</c>, <c>1 OF 2</c>), a sheet size,
    /// a row of grid markers beside a sheet size (<c>9 A4</c>), another field's label or a material.
    /// </summary>
    private static bool IsNumberLike(string text) =>
        (text.Any(char.IsDigit) || IdentifierPattern().IsMatch(text))
        && !NotADrawingNumber().IsMatch(text) && !GridMarkersAndSizes().IsMatch(text) && !LabelWord().IsMatch(text) && !IsMostlyMaterial(text);

    /// <summary>"Stahl" under a name label is the material's cell; "钢板" (steel plate) or "铜套" (bush) is a name.</summary>
    private static bool IsMostlyMaterial(string text) =>
        MaterialCatalog.Find(text) is { } found && found.Designation.Length * 2 > text.Length;

    /// <summary>A drawing number without digits is one identifier, such as a CAD file name (<c>small_base</c>).</summary>
    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N}_.\-/]{2,39}$")]
    private static partial Regex IdentifierPattern();

    /// <summary>A value holding a label's word is another field's label, not this field's value.</summary>
    [GeneratedRegex(@"\b(?:SCALE|SHEET|SIZE|REV|WEIGHT|MATERIAL|TITLE|DWG|CODE|MASSSTAB|BLATT|GEWICHT|WERKSTOFF|ESCALA|HOJA|PLANO|PESO|PEÇA|PIEZA|REFER[EÈ]NCIA)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LabelWord();

    [GeneratedRegex(@"(?<![\d.,])(\d{1,3})\s?:\s?(\d{1,3})(?![\d.,])")]
    private static partial Regex ScalePattern();

    [GeneratedRegex(@"^(?:\D*?)(\d{1,3})\s*(?:/|OF|VON|Z|ZE|DE)\s*(\d{1,3})$", RegexOptions.IgnoreCase)]
    private static partial Regex SheetPattern();

    [GeneratedRegex(@"\d\s?(?:(?:kg|g|lbs?)\b|公斤|千克|克)", RegexOptions.IgnoreCase)]
    private static partial Regex WeightPattern();

    /// <summary>Dates, paper sizes, scales, revisions and page counts sit in title blocks beside drawing numbers.</summary>
    [GeneratedRegex(@"^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|A[0-4]|\d+\s?:\s?\d+|\d+\s?/\s?\d+|\d+\s+(?:OF|DE|VON|Z|ZE)\s+\d+|(?:SHEET|BLATT|HOJA|REV|SCALE).*)$", RegexOptions.IgnoreCase)]
    private static partial Regex NotADrawingNumber();

    /// <summary>Grid-zone markers (1–8, A–F) and sheet sizes (A0–A4, B, C), alone or as a row (<c>9 A4</c>): never a drawing number.</summary>
    [GeneratedRegex(@"^(?:\d{1,2}|[A-Z]|A[0-4])(?:\s+(?:\d{1,2}|[A-Z]|A[0-4]))*$")]
    private static partial Regex GridMarkersAndSizes();

    [GeneratedRegex(@"^\d{1,2}$")]
    private static partial Regex ShortDigits();

    [GeneratedRegex(@"^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2})$")]
    private static partial Regex DateLike();

    [GeneratedRegex(@"^\d{1,3}$")]
    private static partial Regex ShortNumber();

    [GeneratedRegex(@"^(?:A[0-4]|[A-Z]|\d+(?:[.,]\d+)?|(?:SHEET|BLATT|SCALE|REV|DATE|NAME|DRAWN|CHECKED).*)$", RegexOptions.IgnoreCase)]
    private static partial Regex NotAName();
}
