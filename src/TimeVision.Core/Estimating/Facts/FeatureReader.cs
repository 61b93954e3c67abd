using System.Globalization;
using System.Text.RegularExpressions;

namespace TimeVision.Core.Estimating.Facts;

/// <summary>Reads diameters, threads, fits, roughness, chamfers, counts, hole callouts and plain dimensions from a page's lines.</summary>
internal static partial class FeatureReader
{
    public static FeatureFacts Read(TextPage page)
    {
        var diameters = new List<DrawingFact>();
        var threads = new List<DrawingFact>();
        var fits = new List<DrawingFact>();
        var roughness = new List<DrawingFact>();
        var chamfers = new List<DrawingFact>();
        var counts = new List<DrawingFact>();
        var dimensions = new List<double>();
        foreach (var line in page.Lines)
        {
            var source = new FactSource(page.Number, line.Text, line.Box);
            diameters.AddRange(Diameters(line.Text, source));
            threads.AddRange(Threads(line.Text, source));
            fits.AddRange(Fits(line.Text, source));
            roughness.AddRange(Roughness(line, source));
            chamfers.AddRange(Chamfers(line.Text, source));
            counts.AddRange(Counts(line.Text, source));
            dimensions.AddRange(line.Words.Where(word => PlainNumberPattern().IsMatch(word.Text)).Select(word => Number(word.Text)));
        }

        return new FeatureFacts
        {
            Diameters = diameters,
            Threads = threads,
            Fits = fits,
            Roughness = roughness,
            Chamfers = chamfers,
            Counts = counts,
            Holes = HoleReader.Read(page),
            Dimensions = dimensions,
        };
    }

    private static IEnumerable<DrawingFact> Diameters(string text, FactSource source) =>
        DiameterPattern().Matches(text).Select(m =>
            new DrawingFact($"Ø{Number(m.Groups[1].Value).ToString(CultureInfo.InvariantCulture)}", FactConfidence.High, source) { Number = Number(m.Groups[1].Value) });

    /// <summary>Metric threads, then unified ones.</summary>
    private static IEnumerable<DrawingFact> Threads(string text, FactSource source)
    {
        foreach (Match m in MetricThreadPattern().Matches(text))
        {
            var pitch = m.Groups[2].Success ? $"x{Number(m.Groups[2].Value).ToString(CultureInfo.InvariantCulture)}" : string.Empty;
            yield return new DrawingFact($"M{Number(m.Groups[1].Value).ToString(CultureInfo.InvariantCulture)}{pitch}", FactConfidence.High, source) { Number = Number(m.Groups[1].Value) };
        }

        foreach (Match m in UnifiedThreadPattern().Matches(text))
        {
            yield return new DrawingFact($"{m.Groups[1].Value}-{m.Groups[2].Value} {m.Groups[3].Value.ToUpperInvariant()}", FactConfidence.High, source);
        }
    }

    /// <summary>ISO fits, then IT tolerance grades.</summary>
    private static IEnumerable<DrawingFact> Fits(string text, FactSource source)
    {
        foreach (Match m in FitPattern().Matches(text))
        {
            yield return new DrawingFact(m.Groups[1].Value, FactConfidence.Medium, source) { Number = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) };
        }

        foreach (Match m in ToleranceGradePattern().Matches(text))
        {
            yield return new DrawingFact($"IT{m.Groups[1].Value}", FactConfidence.High, source) { Number = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) };
        }
    }

    /// <summary>Ra/Rz values, then N grades.</summary>
    private static IEnumerable<DrawingFact> Roughness(TextLine line, FactSource source)
    {
        foreach (Match m in RoughnessPattern().Matches(line.Text))
        {
            yield return new DrawingFact($"{m.Groups[1].Value} {Number(m.Groups[2].Value).ToString(CultureInfo.InvariantCulture)}", FactConfidence.High, source) { Number = Number(m.Groups[2].Value) };
        }

        // N grades (N1–N12) stand alone beside the roughness symbol; inside a sentence "N7" is something else.
        if (line.Words.Count <= 3)
        {
            foreach (Match m in RoughnessGradePattern().Matches(line.Text))
            {
                yield return new DrawingFact($"N{m.Groups[1].Value}", FactConfidence.Medium, source) { Number = RaOfGrade(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)) };
            }
        }
    }

    private static IEnumerable<DrawingFact> Chamfers(string text, FactSource source) =>
        ChamferPattern().Matches(text).Select(m =>
        {
            var size = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value;
            return new DrawingFact($"{Number(size).ToString(CultureInfo.InvariantCulture)}x45°", FactConfidence.High, source) { Number = Number(size) };
        });

    private static IEnumerable<DrawingFact> Counts(string text, FactSource source) =>
        CountPattern().Matches(text).Select(m =>
            new DrawingFact($"{m.Groups[1].Value}x {m.Groups[2].Value.Trim()}", FactConfidence.High, source) { Number = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) });

    /// <summary>ISO 1302: N1 is Ra 0.025 µm and each grade doubles it (N7 = Ra 1.6).</summary>
    private static double RaOfGrade(int grade) => Math.Round(0.025 * Math.Pow(2, grade - 1), 3);

    private static double Number(string text) =>
        double.Parse(text.StartsWith('.') ? $"0{text}" : text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"[ØøⵁΦ⌀∅]\s?(\d+(?:[.,]\d+)?)")]
    private static partial Regex DiameterPattern();

    // M8, M6x1, M4x0.7; not "M A M" (a GD&T modifier) nor part of a word.
    [GeneratedRegex(@"(?<![A-Za-z0-9])M(\d{1,2}(?:[.,]\d)?)(?:\s?[xX×]\s?(\d(?:[.,]\d{1,2})?|[.,]\d{1,2}))?(?![\d.,]*\d)(?![A-Za-z])")]
    private static partial Regex MetricThreadPattern();

    // 4-40 UNC, 1/4-20 UNC, #10-32 UNF.
    [GeneratedRegex(@"#?(\d{1,2}(?:/\d{1,2})?)\s?-\s?(\d{2,3})\s?(UNC|UNF|UNEF|UNS|unc|unf)\b")]
    private static partial Regex UnifiedThreadPattern();

    // H7, h6, k6, H8, JS9 as a word of their own or after a size ("Ø24.0 H9", "12.00 H7 k6"); never M (a thread) or A (a sheet).
    [GeneratedRegex(@"(?<![A-Za-z0-9])((?:JS|js|[HGFEDKNPhgfedknpmrs])([4-9]|1[01]))(?![A-Za-z0-9.,])")]
    private static partial Regex FitPattern();

    [GeneratedRegex(@"\bIT\s?(\d{1,2})\b")]
    private static partial Regex ToleranceGradePattern();

    [GeneratedRegex(@"\b(Ra|Rz)\s?(\d+(?:[.,]\d+)?)")]
    private static partial Regex RoughnessPattern();

    [GeneratedRegex(@"(?<![\w.,])N(1[0-2]|[1-9])(?![\w.,])")]
    private static partial Regex RoughnessGradePattern();

    [GeneratedRegex(@"(?:CHAMFER|FASE|SRAŽENÍ)\s+(\d+(?:[.,]\d+)?)|(\d+(?:[.,]\d+)?)\s?[xX×]\s?45\s?°", RegexOptions.IgnoreCase)]
    private static partial Regex ChamferPattern();

    // "4x M8", "6 X M3", "2xØ8,80", "4 x Ø5.2": a count and what follows it.
    [GeneratedRegex(@"(?<![\w.,])(\d{1,3})\s?[xX×]\s?(?!45\s?°)([ØøMR⌀]?\s?\d[^\s]*|M\d\S*)")]
    private static partial Regex CountPattern();

    [GeneratedRegex(@"^(?:\d{1,4}(?:[.,]\d{1,4})?|[.,]\d{2,4})$")]
    private static partial Regex PlainNumberPattern();
}
