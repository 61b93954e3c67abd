using System.Globalization;
using System.Text.RegularExpressions;

namespace TimeVision.Core.Facts;

/// <summary>Reads what the drawing's notes state: units and the general tolerance.</summary>
internal static partial class NotesReader
{
    /// <summary>
    /// The drawing's units: a note ("DIMENSIONS ARE IN INCHES", "BEMASSUNGEN SIND IN MILLIMETER") is high confidence,
    /// unless the numbers clearly say otherwise (a template's millimetre note left on an inch drawing: then the numbers
    /// win, medium confidence, and the page is flagged). With no note, the numbers alone give a low-confidence answer,
    /// or none.
    /// </summary>
    public static (DrawingFact? Units, string? Flag) Units(TextPage page, FeatureFacts features)
    {
        DrawingFact? stated = null;
        foreach (var line in page.Lines)
        {
            var source = new FactSource(page.Number, line.Text, line.Box);
            if (InchNote().IsMatch(line.Text))
            {
                stated = new DrawingFact("inch", FactConfidence.High, source);
                break;
            }

            if (stated is null && MillimetreNote().IsMatch(line.Text))
            {
                stated = new DrawingFact("mm", FactConfidence.High, source);
            }
        }

        var evidence = NumberEvidence(page, features);
        if (stated is { Value: "mm" } && evidence?.Value == "inch")
        {
            return (evidence with { Confidence = FactConfidence.Medium }, DrawingFactsReader.UnitsNoteContradicted);
        }

        return (stated ?? evidence, null);
    }

    /// <summary>The general tolerance: an ISO 2768 class, else a stated general or linear tolerance.</summary>
    public static DrawingFact? GeneralTolerance(TextPage page)
    {
        foreach (var line in page.Lines)
        {
            var source = new FactSource(page.Number, line.Text, line.Box);
            if (Iso2768().Match(line.Text) is { Success: true } iso)
            {
                return new DrawingFact($"ISO 2768-{iso.Groups[1].Value}", FactConfidence.High, source);
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

    [GeneratedRegex(@"ISO\s?2768\s?[-‑]?\s?([fmcv][HKL]?)\b")]
    private static partial Regex Iso2768();

    [GeneratedRegex(@"(?:General\s+tolerances?|Allgemeintoleranz(?:en)?|LINEAR\s*:|Obecn[ée]\s+tolerance)\s*[±+]?\s*(\d+(?:[.,]\d+)?)", RegexOptions.IgnoreCase)]
    private static partial Regex GeneralValue();

    [GeneratedRegex(@"^(?:\d{0,4}[.,]\d{1,4})$")]
    private static partial Regex DecimalNumber();

    [GeneratedRegex(@"^(?:\d{0,2}\.\d{3,4})$")]
    private static partial Regex InchStyleNumber();
}
