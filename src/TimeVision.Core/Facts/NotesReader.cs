using System.Globalization;
using System.Text.RegularExpressions;

namespace TimeVision.Core.Facts;

/// <summary>Reads what the drawing's notes state: units and the general tolerance.</summary>
internal static partial class NotesReader
{
    /// <summary>
    /// The drawing's units: a note ("DIMENSIONS ARE IN INCHES", "BEMASSUNGEN SIND IN MILLIMETER", "单位：mm") is high
    /// confidence, unless the numbers clearly say otherwise (a template's millimetre note left on an inch drawing: then
    /// the numbers win, medium confidence, and the page is flagged). With no note, numbers that look like inches make an
    /// inch drawing (low); else a metric standard the sheet names (ISO 2768, DIN, GB/T 1804, ČSN, first-angle
    /// projection, a GB tolerance table) says millimetres at medium confidence, never high; else the numbers alone give
    /// a low-confidence answer, or none.
    /// </summary>
    public static (DrawingFact? Units, string? Flag) Units(TextPage page, FeatureFacts features)
    {
        DrawingFact? stated = null;
        foreach (var line in page.Lines)
        {
            var source = new FactSource(page.Number, line.Text, line.Box);
            if (InchNote().IsMatch(line.Text) || ChineseInchNote().IsMatch(line.Text))
            {
                stated = new DrawingFact("inch", FactConfidence.High, source);
                break;
            }

            if (stated is null && (MillimetreNote().IsMatch(line.Text) || ChineseMillimetreNote().IsMatch(line.Text)))
            {
                stated = new DrawingFact("mm", FactConfidence.High, source);
            }
        }

        var evidence = NumberEvidence(page, features);
        if (stated is { Value: "mm" } && evidence?.Value == "inch")
        {
            return (evidence with { Confidence = FactConfidence.Medium }, DrawingFactsReader.UnitsNoteContradicted);
        }

        if (stated is not null || evidence is { Value: "inch" } || LooksInch(page, features))
        {
            return (stated ?? evidence, null);
        }

        return (MetricStandard(page) ?? evidence, null);
    }

    /// <summary>The general tolerance: an ISO 2768 or GB/T 1804 class, else a stated general or linear tolerance.</summary>
    public static DrawingFact? GeneralTolerance(TextPage page)
    {
        foreach (var line in page.Lines)
        {
            var source = new FactSource(page.Number, line.Text, line.Box);
            if (Iso2768().Match(line.Text) is { Success: true } iso)
            {
                return new DrawingFact($"ISO 2768-{iso.Groups[1].Value}", FactConfidence.High, source);
            }

            if (GbT1804().Match(line.Text) is { Success: true } gb)
            {
                return new DrawingFact($"GB/T 1804-{gb.Groups[1].Value}", FactConfidence.High, source);
            }
        }

        foreach (var line in page.Lines)
        {
            var source = new FactSource(page.Number, line.Text, line.Box);
            if (GeneralValue().Match(line.Text) is { Success: true } general)
            {
                var value = double.Parse(general.Groups[1].Value.Replace(',', '.'), CultureInfo.InvariantCulture);
                return new DrawingFact($"±{value.ToString(CultureInfo.InvariantCulture)}", FactConfidence.Medium, source) { Number = value };
            }
        }

        return null;
    }

    /// <summary>A metric standard named on the sheet: millimetres, medium confidence (a standard is not a units note).</summary>
    private static DrawingFact? MetricStandard(TextPage page) =>
        page.Lines.FirstOrDefault(line => MetricStandardText().IsMatch(line.Text)) is { } line
            ? new DrawingFact("mm", FactConfidence.Medium, new FactSource(page.Number, line.Text, line.Box))
            : null;

    /// <summary>Too few numbers for <see cref="NumberEvidence"/>, but those there are written the inch way, or unified threads outnumber metric ones.</summary>
    private static bool LooksInch(TextPage page, FeatureFacts features)
    {
        var decimals = page.Lines.SelectMany(l => l.Words).Select(w => w.Text).Where(t => DecimalNumber().IsMatch(t)).ToList();
        var unified = features.Threads.Count(t => t.Value.Contains("UN", StringComparison.Ordinal));
        return unified > features.Threads.Count - unified
            || (decimals.Count >= 3 && !decimals.Any(t => t.Contains(',', StringComparison.Ordinal)) && decimals.Count(t => InchStyleNumber().IsMatch(t)) >= 0.6 * decimals.Count);
    }

    /// <summary>
    /// What the numbers say: inch drawings write three or four decimals with a point (and often ".120"); metric ones
    /// mostly fewer, often with a comma. UNC threads point to inches, metric threads to millimetres.
    /// </summary>
    private static DrawingFact? NumberEvidence(TextPage page, FeatureFacts features)
    {
        var decimals = page.Lines.SelectMany(l => l.Words).Select(w => w.Text)
            .Where(t => DecimalNumber().IsMatch(t)).ToList();
        if (decimals.Count < 5 && features.Threads.Count == 0)
        {
            return null;
        }

        var inchStyle = decimals.Count(t => InchStyleNumber().IsMatch(t));
        var commas = decimals.Count(t => t.Contains(',', StringComparison.Ordinal));
        var unified = features.Threads.Count(t => t.Value.Contains("UN", StringComparison.Ordinal));
        var metric = features.Threads.Count - unified;
        var source = new FactSource(page.Number, string.Join(' ', decimals.Take(8)), page.Lines[0].Box);
        if (decimals.Count >= 8 && commas == 0 && inchStyle >= 0.6 * decimals.Count && metric == 0)
        {
            return new DrawingFact("inch", FactConfidence.Low, source);
        }

        if (commas > decimals.Count / 2 || metric > unified || (decimals.Count >= 5 && inchStyle < 0.2 * decimals.Count))
        {
            return new DrawingFact("mm", FactConfidence.Low, source);
        }

        return null;
    }

    [GeneratedRegex(@"\b(?:DIMENSIONS?\s+(?:ARE\s+)?IN\s+INCH(?:ES)?|ALL\s+DIMENSIONS\s+(?:ARE\s+)?IN\s+INCH(?:ES)?|UNITS?\s*:\s*IN(?:CH(?:ES)?)?\b|MA(?:SS|ß)E\s+IN\s+ZOLL)", RegexOptions.IgnoreCase)]
    private static partial Regex InchNote();

    [GeneratedRegex(@"\b(?:DIMENSIONS?\s+(?:ARE\s+)?IN\s+(?:MILLIMET(?:ER|RE)S?|MM)|BEMA(?:SS|ß)UNGEN\s+SIND\s+IN\s+(?:MILLIMETER|MM)|MA(?:SS|ß)E\s+IN\s+MM|ROZM[ĚE]RY\s+(?:JSOU\s+)?V\s+MM|UNITS?\s*:\s*MM)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MillimetreNote();

    [GeneratedRegex(@"(?:单位|尺寸单位)\s*[:：为是]?\s*(?:毫米|mm\b)|以毫米为单位", RegexOptions.IgnoreCase)]
    private static partial Regex ChineseMillimetreNote();

    [GeneratedRegex(@"(?:单位|尺寸单位)\s*[:：为是]?\s*(?:英寸|in(?:ch(?:es)?)?\b)|以英寸为单位", RegexOptions.IgnoreCase)]
    private static partial Regex ChineseInchNote();

    /// <summary>Standards and table headings only metric drawings carry: general tolerances, GD&amp;T, title blocks, projection.</summary>
    [GeneratedRegex(@"\b(?:DIN\s?)?(?:EN\s?)?ISO\s?(?:2768|8015|1101|1302|13715|7200|5457|128|129|5459|2553|21920|22081)\b|\bDIN\s?(?:EN\s?)?\d{3,5}\b|GB/?T\s?\d{3,5}|ČSN\s?(?:EN\s?)?(?:ISO\s?)?\d{2}\s?\d{3,4}|\b(?:FIRST|1ST)[\s-]ANGLE\b|第一角|第一视角|线性尺寸|公差等级|未注公差", RegexOptions.IgnoreCase)]
    private static partial Regex MetricStandardText();

    [GeneratedRegex(@"ISO\s?2768\s?[-‑]?\s?([fmcv][HKL]?)\b")]
    private static partial Regex Iso2768();

    [GeneratedRegex(@"GB/?T\s?1804\s?(?:-\s?\d{2,4})?\s?[-‑—–]?\s?([fmcv])(?![A-Za-z])")]
    private static partial Regex GbT1804();

    [GeneratedRegex(@"(?:General\s+tolerances?|Allgemeintoleranz(?:en)?|LINEAR\s*:|Obecn[ée]\s+tolerance|未注(?:线性)?(?:尺寸)?公差)\s*[±+]?\s*(\d+(?:[.,]\d+)?)", RegexOptions.IgnoreCase)]
    private static partial Regex GeneralValue();

    [GeneratedRegex(@"^(?:\d{0,4}[.,]\d{1,4})$")]
    private static partial Regex DecimalNumber();

    [GeneratedRegex(@"^(?:\d{0,2}\.\d{3,4})$")]
    private static partial Regex InchStyleNumber();
}
