using System.Globalization;
using System.Text.RegularExpressions;

namespace TimeVision.Core.Estimating.Facts;

/// <summary>
/// Reads hole and thread callouts: a count (<c>4x</c>, <c>4 x</c>, <c>4X</c>), the hole (<c>Ø6.6</c>, <c>Ø12 H7</c>)
/// or thread (<c>M6x1</c>, <c>1/4-20 UNC</c>), then what follows up to the next callout: a depth (<c>↧ 9</c>,
/// <c>DEEP</c>, <c>DP</c>, <c>TIEF</c>, <c>hloubka</c>, <c>深</c>), through (<c>THRU</c>, <c>DURCHGEHEND</c>,
/// <c>průchozí</c>, <c>通孔</c>, <c>pasante</c>), a counterbore (<c>⌴ Ø15 ↧ 9</c>, <c>CBORE</c>, <c>SPOTFACE</c>) or a
/// countersink (<c>⌵ Ø12 X 90°</c>, <c>CSK</c>). A callout continued on the lines just below it (SolidWorks sets the
/// counterbore under the hole) is one callout. A diameter with none of these is not a hole: it may be a turned one.
/// </summary>
internal static partial class HoleReader
{
    /// <summary>The page's hole and thread callouts.</summary>
    public static IReadOnlyList<HoleCallout> Read(TextPage page)
    {
        var holes = new List<HoleCallout>();
        var continuations = new HashSet<TextLine>();
        foreach (var line in page.Lines)
        {
            if (continuations.Contains(line))
            {
                continue;
            }

            var (text, box) = (line.Text, line.Box);
            foreach (var next in ContinuationsOf(page, line))
            {
                continuations.Add(next);
                (text, box) = ($"{text} {next.Text}", box.Union(next.Box));
            }

            var heads = CalloutHeads(text);
            for (var i = 0; i < heads.Count; i++)
            {
                var tail = text[(heads[i].Index + heads[i].Length)..(i + 1 < heads.Count ? heads[i + 1].Index : text.Length)];
                if (Callout(heads[i], tail, new FactSource(page.Number, text, box)) is { } hole)
                {
                    holes.Add(hole);
                }
            }
        }

        return holes;
    }

    /// <summary>
    /// Where each callout begins: a hole or thread, except the diameter of a counterbore or countersink (<c>⌴ Ø15</c>),
    /// which belongs to the callout before it unless a count starts a new one.
    /// </summary>
    private static List<Match> CalloutHeads(string text)
    {
        var heads = new List<Match>();
        foreach (Match head in Head().Matches(text))
        {
            var previousEnd = heads.Count == 0 ? 0 : heads[^1].Index + heads[^1].Length;
            if (heads.Count > 0 && !head.Groups["count"].Success && FeatureEnd().IsMatch(text[previousEnd..head.Index]))
            {
                continue;
            }

            heads.Add(head);
        }

        return heads;
    }

    /// <summary>Lines just below <paramref name="line"/>, overlapping it, that begin with a counterbore, countersink, depth or through mark.</summary>
    private static IEnumerable<TextLine> ContinuationsOf(TextPage page, TextLine line)
    {
        if (!Head().IsMatch(line.Text))
        {
            yield break;
        }

        var last = line;
        while (page.Lines.FirstOrDefault(next => next.Box.Y > last.Box.Y && next.Box.Y - last.Box.Bottom < 0.8 * last.Box.Height
            && next.Box.X < last.Box.Right && next.Box.Right > last.Box.X && ContinuationStart().IsMatch(next.Text)) is { } next)
        {
            yield return next;
            last = next;
        }
    }

    private static HoleCallout? Callout(Match head, string tail, FactSource source)
    {
        var count = head.Groups["count"].Success ? int.Parse(head.Groups["count"].Value, CultureInfo.InvariantCulture) : CountAfter(tail);
        var featureEnd = FeatureEnd().Match(tail) is { Success: true } end ? end.Index : tail.Length;
        var own = tail[..featureEnd];
        var rest = tail[featureEnd..];
        var depth = DepthOf(own);
        var through = Through().IsMatch(own) ? true : depth is not null ? false : (bool?)null;
        var fit = head.Groups["fit"].Success ? head.Groups["fit"].Value : null;
        var (cboreDiameter, cboreDepth) = Counterbore().Match(rest) is { Success: true } cbore ? (NumberOf(cbore.Groups["d"]), DepthOf(rest[(cbore.Index + cbore.Length)..])) : (null, null);
        var (cskDiameter, cskAngle) = Countersink().Match(rest) is { Success: true } csk ? (NumberOf(csk.Groups["d"]), NumberOf(csk.Groups["angle"])) : (null, null);
        var isThread = head.Groups["thread"].Success || head.Groups["unified"].Success;
        var saysHole = count is not null || depth is not null || through is not null || cboreDiameter is not null || cskDiameter is not null || fit is not null;
        if (!isThread && !saysHole)
        {
            return null;
        }

        return new HoleCallout(KindOf(isThread, cboreDiameter, cskDiameter), count ?? 1, isThread ? NumberOf(head.Groups["td"]) : NumberOf(head.Groups["d"]), source)
        {
            Depth = depth,
            Through = through,
            Thread = ThreadOf(head),
            Pitch = NumberOf(head.Groups["pitch"]),
            Fit = fit,
            CounterboreDiameter = cboreDiameter,
            CounterboreDepth = cboreDepth,
            CountersinkDiameter = cskDiameter,
            CountersinkAngle = cskAngle,
            Confidence = saysHole ? FactConfidence.High : FactConfidence.Medium,
        };
    }

    private static HoleKind KindOf(bool isThread, double? counterbore, double? countersink) =>
        isThread ? HoleKind.Threaded : counterbore is not null ? HoleKind.Counterbored : countersink is not null ? HoleKind.Countersunk : HoleKind.Drilled;

    private static string? ThreadOf(Match head)
    {
        if (head.Groups["unified"].Success)
        {
            return UnifiedParts().Match(head.Groups["unified"].Value) is { Success: true } u ? $"{u.Groups[1].Value}-{u.Groups[2].Value} {u.Groups[3].Value.ToUpperInvariant()}" : null;
        }

        return head.Groups["thread"].Success
            ? $"M{Format(NumberOf(head.Groups["td"]))}{(head.Groups["pitch"].Success ? $"x{Format(NumberOf(head.Groups["pitch"]))}" : string.Empty)}"
            : null;
    }

    private static int? CountAfter(string tail) =>
        CountWord().Match(tail) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    private static double? DepthOf(string text) => Depth().Match(text) is { Success: true } m ? NumberOf(m.Groups["d"].Success ? m.Groups["d"] : m.Groups["d2"]) : null;

    private static double? NumberOf(Group group) =>
        group.Success ? double.Parse(group.Value.StartsWith('.') ? $"0{group.Value}" : group.Value.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture) : null;

    private static string Format(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    private const string Num = @"(?:\d+(?:[.,]\d+)?|[.,]\d+)";

    /// <summary>A count, then a hole's diameter with its fit, a metric thread or a unified one.</summary>
    [GeneratedRegex(@"(?:(?<![\w.,])(?<count>\d{1,3})\s?[xX×]\s?)?(?:[ØøⵁΦ⌀∅]\s?(?<d>" + Num + @")(?:\s?(?<fit>(?:JS|[EFGHJKNP])(?:[5-9]|1[01]))(?![A-Za-z0-9]))?"
        + @"|(?<thread>(?<![A-Za-z0-9])M(?<td>\d{1,2}(?:[.,]\d)?)(?:\s?[xX×]\s?(?<pitch>\d(?:[.,]\d{1,2})?|[.,]\d{1,2}))?(?![\d.,]*\d)(?![A-Za-z]))"
        + @"|(?<unified>#?\d{1,2}(?:/\d{1,2})?\s?-\s?\d{2,3}\s?(?:UNC|UNF|UNEF|UNS|unc|unf)\b))")]
    private static partial Regex Head();

    [GeneratedRegex(@"^\s*(?<d>\d{1,2}/\d{1,2}|#?\d{1,2})\s?-\s?(\d{2,3})\s?(\w+)")]
    private static partial Regex UnifiedParts();

    /// <summary>Where the hole's own part ends and its counterbore or countersink begins.</summary>
    [GeneratedRegex(@"[⌴⌵]|\b(?:C'?BORE|C-BORE|COUNTERBORE|S'?FACE|SPOTFACE|C'?SINK|CSK|COUNTERSINK)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FeatureEnd();

    [GeneratedRegex(@"(?:⌴|\b(?:C'?BORE|C-BORE|COUNTERBORE|S'?FACE|SPOTFACE)\b)\s*[ØøⵁΦ⌀∅]?\s?(?<d>" + Num + ")", RegexOptions.IgnoreCase)]
    private static partial Regex Counterbore();

    [GeneratedRegex(@"(?:⌵|\b(?:C'?SINK|CSK|COUNTERSINK)\b)\s*[ØøⵁΦ⌀∅]?\s?(?<d>" + Num + @")(?:\s?[xX×]\s?(?<angle>\d{2,3})\s?°)?", RegexOptions.IgnoreCase)]
    private static partial Regex Countersink();

    [GeneratedRegex(@"(?:↧|\b(?:DEPTH|DEEP|DP|TIEF|HLOUBKA|HL\.|PROF(?:UNDIDAD|UNDITAT)?\.?)|深)\s*[:=]?\s*(?<d>" + Num + @")|(?<d2>" + Num + @")\s*(?:DEEP|DP|TIEF)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Depth();

    [GeneratedRegex(@"\b(?:THRU|THROUGH|DURCHGEHEND|DURCH|PR[ŮU]CHOZ[ÍI]|SKRZ|PASANTE|PASSANT)\b|通孔|贯通", RegexOptions.IgnoreCase)]
    private static partial Regex Through();

    [GeneratedRegex(@"^\s*(?:[⌴⌵↧]|(?:C'?BORE|C-BORE|S'?FACE|SPOTFACE|C'?SINK|CSK|DEPTH|DEEP|THRU|TIEF)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex ContinuationStart();

    [GeneratedRegex(@"^\s*(?:THRU\s+)?(?:\(\s*)?(\d{1,3})\s*(?:HOLES|PLCS|PLACES|BOHRUNGEN|OTVOR[YŮU]|AGUJEROS|FORATS|孔)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CountWord();
}
