using System.Globalization;
using System.Text.RegularExpressions;

namespace TimeVision.Core.Estimating.Facts;

/// <summary>
/// The units of a sheet without a units note, from what its lettering shows. Metric evidence: decimal commas
/// (<c>62,5</c>), ISO fits (<c>H7</c>, <c>g6</c>), metric threads (<c>M3</c>, <c>M36x1</c>), a metric standard
/// (ISO 2768, DIN 7168, GB/T 1804, first-angle projection…) and sizes only millimetres make plausible (two or more
/// three-digit dimensions). Inch evidence: three-place decimals without a leading zero (<c>.250</c>), fractions
/// (<c>3/8</c>), unified threads outnumbering metric ones; an ANSI template's tolerance block alone is weak.
/// </summary>
/// <remarks>
/// Metric evidence with no strong inch evidence says millimetres at medium; strong inch evidence with no metric
/// evidence says inch at medium; the fact's <see cref="DrawingFact.Evidence"/> names what was used. When both kinds
/// are present, only inch decimals that dominate the sheet give an answer (inch, low). An ANSI template alone, or
/// decimals written the metric way with one or two places, give a low answer.
/// </remarks>
internal static partial class UnitsEvidence
{
    /// <summary>The units the sheet's lettering supports, or <see langword="null"/> when it settles nothing.</summary>
    public static DrawingFact? Infer(TextPage page, FeatureFacts features)
    {
        var metric = MetricEvidence(page, features);
        var inch = InchEvidence(page, features);
        if (metric.Count > 0 && inch.Count == 0)
        {
            return Fact(page, "mm", FactConfidence.Medium, metric);
        }

        if (inch.Count > 0 && metric.Count == 0)
        {
            return Fact(page, "inch", FactConfidence.Medium, inch);
        }

        if (DominantInchNumbers(page, features) is { } dominant)
        {
            return dominant;
        }

        if (metric.Count > 0 || inch.Count > 0)
        {
            return null;
        }

        return AnsiTemplate(page) is { } ansi
            ? Fact(page, "inch", FactConfidence.Low, [ansi])
            : MetricLookingDecimals(page);
    }

    /// <summary>
    /// Numbers that are plainly inches: eight or more decimals, none with a comma, most with three or four places, and
    /// no metric thread. Enough to overrule a template's millimetre note.
    /// </summary>
    public static DrawingFact? DominantInchNumbers(TextPage page, FeatureFacts features)
    {
        var decimals = Decimals(page);
        var inchStyle = decimals.Count(t => InchStyleNumber().IsMatch(t));
        var metricThreads = features.Threads.Count(t => !IsUnified(t));
        return decimals.Count >= 8 && !decimals.Any(t => t.Contains(',', StringComparison.Ordinal)) && inchStyle >= 0.6 * decimals.Count && metricThreads == 0
            ? new DrawingFact("inch", FactConfidence.Low, new FactSource(page.Number, string.Join(' ', decimals.Take(8)), page.Lines[0].Box))
            {
                Evidence = $"three- and four-place decimals ({string.Join(", ", decimals.Take(3))})",
            }
            : null;
    }

    private sealed record Clue(string Description, TextLine Line);

    private static List<Clue> MetricEvidence(TextPage page, FeatureFacts features)
    {
        var clues = new List<Clue>();
        if (page.Lines.FirstOrDefault(line => MetricStandardText().IsMatch(line.Text)) is { } standard)
        {
            clues.Add(new Clue($"a metric standard ({MetricStandardText().Match(standard.Text).Value})", standard));
        }

        AddWhenFound(clues, page, DecimalComma(), 2, "decimal commas");
        if (features.Fits.Where(IsFitAfterASize).ToList() is { Count: > 0 } fits)
        {
            clues.Add(new Clue($"ISO fits ({string.Join(", ", fits.Select(f => f.Value).Distinct().Take(3))})", LineOf(page, fits[0].Source)));
        }

        if (features.Threads.Where(t => !IsUnified(t)).ToList() is { Count: > 0 } threads && threads.Count > features.Threads.Count(IsUnified))
        {
            clues.Add(new Clue($"metric threads ({string.Join(", ", threads.Select(t => t.Value).Distinct().Take(3))})", LineOf(page, threads[0].Source)));
        }

        var large = LargeSizes(page);
        if (large.Count >= 2)
        {
            clues.Add(new Clue($"sizes only plausible in mm ({string.Join(", ", large.Take(3).Select(s => s.Text))})", large[0].Line));
        }

        return clues;
    }

    private static List<Clue> InchEvidence(TextPage page, FeatureFacts features)
    {
        var clues = new List<Clue>();
        AddWhenFound(clues, page, LeadingDotDecimal(), 2, "decimals without a leading zero");
        var fractions = page.Lines.Where(line => !PageCountLine().IsMatch(line.Text))
            .SelectMany(line => Fraction().Matches(line.Text).Where(IsProperFraction).Select(m => (m.Value, line))).ToList();
        if (fractions.Count >= 2)
        {
            clues.Add(new Clue($"fractions ({string.Join(", ", fractions.Select(f => f.Value).Distinct().Take(3))})", fractions[0].line));
        }

        var unified = features.Threads.Where(IsUnified).ToList();
        if (unified.Count > 0 && unified.Count > features.Threads.Count - unified.Count)
        {
            clues.Add(new Clue($"unified threads ({string.Join(", ", unified.Select(t => t.Value).Distinct().Take(3))})", LineOf(page, unified[0].Source)));
        }

        return clues;
    }

    private static void AddWhenFound(List<Clue> clues, TextPage page, Regex pattern, int atLeast, string what)
    {
        var found = page.Lines.SelectMany(line => pattern.Matches(line.Text).Select(m => (m.Value, line))).ToList();
        if (found.Count >= atLeast)
        {
            clues.Add(new Clue($"{what} ({string.Join(", ", found.Select(f => f.Value).Distinct().Take(3))})", found[0].line));
        }
    }

    /// <summary>
    /// Dimensions of 100 to 999 (not an inch drawing's microinch finish, not on a material's line): an inch part that
    /// size would not fit the sheet.
    /// </summary>
    private static List<(string Text, TextLine Line)> LargeSizes(TextPage page) =>
        [.. page.Lines.Where(line => MaterialCatalog.Find(line.Text) is null && !MaterialLabel().IsMatch(line.Text))
            .SelectMany(line => line.Words.Select(w => (Text: w.Text.TrimStart('Ø', 'ø', '⌀', 'R'), Line: line)))
            .Where(w => LargeSize().IsMatch(w.Text) && double.Parse(w.Text.Replace(',', '.'), CultureInfo.InvariantCulture) is not (125 or 250 or 500))
            .DistinctBy(w => w.Text)];

    private static Clue? AnsiTemplate(TextPage page) =>
        page.Lines.FirstOrDefault(line => AnsiTemplateText().IsMatch(line.Text)) is { } line ? new Clue($"an ANSI template ({AnsiTemplateText().Match(line.Text).Value})", line) : null;

    /// <summary>Five or more decimals, few with three or four places: millimetres, low.</summary>
    private static DrawingFact? MetricLookingDecimals(TextPage page)
    {
        var decimals = Decimals(page);
        return decimals.Count >= 5 && decimals.Count(t => InchStyleNumber().IsMatch(t)) < 0.2 * decimals.Count
            ? new DrawingFact("mm", FactConfidence.Low, new FactSource(page.Number, string.Join(' ', decimals.Take(8)), page.Lines[0].Box))
            {
                Evidence = $"decimals with one or two places ({string.Join(", ", decimals.Take(3))})",
            }
            : null;
    }

    private static DrawingFact Fact(TextPage page, string units, FactConfidence confidence, List<Clue> clues) =>
        new(units, confidence, new FactSource(page.Number, clues[0].Line.Text, clues[0].Line.Box)) { Evidence = string.Join("; ", clues.Select(c => c.Description)) };

    private static TextLine LineOf(TextPage page, FactSource source) =>
        page.Lines.FirstOrDefault(line => line.Box == source.Box) ?? page.Lines[0];

    private static List<string> Decimals(TextPage page) =>
        [.. page.Lines.SelectMany(l => l.Words).Select(w => w.Text).Where(t => DecimalNumber().IsMatch(t))];

    /// <summary>A fit written after its size (<c>Ø12 H7</c>, <c>20g6</c>), not a zone reference (<c>ZONE D4</c>) or an IT grade.</summary>
    private static bool IsFitAfterASize(DrawingFact fit) =>
        !fit.Value.StartsWith("IT", StringComparison.Ordinal)
        && Regex.IsMatch(fit.Source.Text, $@"\d\s?{Regex.Escape(fit.Value)}(?![A-Za-z0-9])", RegexOptions.None, TimeSpan.FromSeconds(1));

    private static bool IsUnified(DrawingFact thread) => thread.Value.Contains("UN", StringComparison.Ordinal);

    /// <summary>3/8, 1/4, 15/16: a reduced fraction of an inch (odd numerator, a power-of-two denominator above it).</summary>
    private static bool IsProperFraction(Match m) =>
        int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) is var n && int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) is var d && n % 2 == 1 && n < d;

    /// <summary>Standards and table headings only metric drawings carry: general tolerances, GD&amp;T, title blocks, projection.</summary>
    [GeneratedRegex(@"\b(?:DIN\s?)?(?:EN\s?)?ISO\s?(?:2768|8015|1101|1302|13715|7200|5457|128|129|5459|2553|21920|22081)\b|\bDIN\s?(?:EN\s?)?\d{3,5}\b|GB/?T\s?\d{3,5}|ČSN\s?(?:EN\s?)?(?:ISO\s?)?\d{2}\s?\d{3,4}|\b(?:FIRST|1ST)[\s-]ANGLE\b|第一角|第一视角|线性尺寸|公差等级|未注公差", RegexOptions.IgnoreCase)]
    private static partial Regex MetricStandardText();

    [GeneratedRegex(@"\bTHIRD[\s-]ANGLE\b|\bASME\s?Y14\.5|\bANSI\s?Y14\.5|\b(?:TWO|THREE|FOUR)\s+PLACE\s+DECIMAL|\bFRACTIONAL\s*±", RegexOptions.IgnoreCase)]
    private static partial Regex AnsiTemplateText();

    [GeneratedRegex(@"(?<![\d.,])\d{1,4},\d{1,2}(?![\d.,])")]
    private static partial Regex DecimalComma();

    [GeneratedRegex(@"(?<![\d.,A-Za-z])\.\d{3,4}(?![\d.,])")]
    private static partial Regex LeadingDotDecimal();

    [GeneratedRegex(@"(?<![\d/.,])(\d{1,2})/(2|4|8|16|32|64)(?![\d/.,])")]
    private static partial Regex Fraction();

    [GeneratedRegex(@"\b(?:SHEET|BLATT|HOJA|LIST|PAGE|SCALE|REV)\b|\d{1,2}[./]\d{1,2}[./]\d{2,4}", RegexOptions.IgnoreCase)]
    private static partial Regex PageCountLine();

    [GeneratedRegex(@"^[1-9]\d{2}(?:[.,]\d{1,2})?$")]
    private static partial Regex LargeSize();

    [GeneratedRegex(@"\b(?:MATERIAL|MATL|WERKSTOFF|MATERI[ÁA]L)\b|材料|材质", RegexOptions.IgnoreCase)]
    private static partial Regex MaterialLabel();

    [GeneratedRegex(@"^(?:\d{0,4}[.,]\d{1,4})$")]
    private static partial Regex DecimalNumber();

    [GeneratedRegex(@"^(?:\d{0,2}\.\d{3,4})$")]
    private static partial Regex InchStyleNumber();
}
