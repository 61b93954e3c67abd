using System.Globalization;
using System.Text.RegularExpressions;

namespace TimeVision.Core.Estimating.Facts;

/// <summary>Reads what the drawing's notes state: units and the general tolerance.</summary>
internal static partial class NotesReader
{
    /// <summary>
    /// The drawing's units: a note ("DIMENSIONS ARE IN INCHES", "BEMASSUNGEN SIND IN MILLIMETER", "单位：mm") is high
    /// confidence, unless the numbers clearly say otherwise (a template's millimetre note left on an inch drawing: then
    /// the numbers win, medium confidence, and the page is flagged). With no note, what the lettering shows decides
    /// (<see cref="UnitsEvidence"/>), never at high confidence.
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

        if (stated is { Value: "mm" } && UnitsEvidence.DominantInchNumbers(page, features) is { } inch)
        {
            return (inch with { Confidence = FactConfidence.Medium }, DrawingFactsReader.UnitsNoteContradicted);
        }

        return (stated ?? UnitsEvidence.Infer(page, features), null);
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

    [GeneratedRegex(@"\b(?:DIMENSIONS?\s+(?:ARE\s+)?IN\s+INCH(?:ES)?|ALL\s+DIMENSIONS\s+(?:ARE\s+)?IN\s+INCH(?:ES)?|UNITS?\s*:\s*IN(?:CH(?:ES)?)?\b|MA(?:SS|ß)E\s+IN\s+ZOLL)", RegexOptions.IgnoreCase)]
    private static partial Regex InchNote();

    [GeneratedRegex(@"\b(?:DIMENSIONS?\s+(?:ARE\s+)?IN\s+(?:MILLIMET(?:ER|RE)S?|MM)|BEMA(?:SS|ß)UNGEN\s+SIND\s+IN\s+(?:MILLIMETER|MM)|MA(?:SS|ß)E\s+IN\s+MM|ROZM[ĚE]RY\s+(?:JSOU\s+)?V\s+MM|UNITS?\s*:\s*MM|(?:COTAS|COTES|MEDIDAS|MIDES)\s+EN\s+(?:MM|MIL[IÍ]METROS|MIL·L[IÍ]METRES))\b", RegexOptions.IgnoreCase)]
    private static partial Regex MillimetreNote();

    [GeneratedRegex(@"(?:单位|尺寸单位)\s*[:：为是]?\s*(?:毫米|mm\b)|以毫米为单位", RegexOptions.IgnoreCase)]
    private static partial Regex ChineseMillimetreNote();

    [GeneratedRegex(@"(?:单位|尺寸单位)\s*[:：为是]?\s*(?:英寸|in(?:ch(?:es)?)?\b)|以英寸为单位", RegexOptions.IgnoreCase)]
    private static partial Regex ChineseInchNote();

    [GeneratedRegex(@"ISO\s?2768\s?[-‑]?\s?([fmcv][HKL]?)\b")]
    private static partial Regex Iso2768();

    [GeneratedRegex(@"GB/?T\s?1804\s?(?:-\s?\d{2,4})?\s?[-‑—–]?\s?([fmcv])(?![A-Za-z])")]
    private static partial Regex GbT1804();

    [GeneratedRegex(@"(?:General\s+tolerances?|Allgemeintoleranz(?:en)?|LINEAR\s*:|Obecn[ée]\s+tolerance|未注(?:线性)?(?:尺寸)?公差)\s*[±+]?\s*(\d+(?:[.,]\d+)?)", RegexOptions.IgnoreCase)]
    private static partial Regex GeneralValue();
}
