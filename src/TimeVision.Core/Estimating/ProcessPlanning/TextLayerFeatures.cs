using System.Globalization;
using TimeVision.Core.Estimating.Facts;

namespace TimeVision.Core.Estimating.ProcessPlanning;

/// <summary>
/// The text layer's facts as features: counted holes (<c>4x Ø6.6</c>) become drilling, metric threads tapping plus the
/// core drilling (Ø = D − P), chamfers chamfers, and the title block's material the material and its group. Each
/// feature keeps the page, box and confidence of the fact it came from. Uncounted diameters stay out: a Ø alone may
/// be a turned diameter, a hole or a dimension, and the model or the estimator says which.
/// </summary>
public static class TextLayerFeatures
{
    private static readonly char[] DiameterSigns = ['Ø', 'ø', '⌀', 'ⵁ', 'Φ', '∅'];
    private static readonly System.Buffers.SearchValues<char> DiameterSignSet = System.Buffers.SearchValues.Create(DiameterSigns);

    /// <summary>The features the pages' text layers name.</summary>
    public static FeatureSet From(IReadOnlyList<PageFacts> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var features = new List<MachiningFeature>();
        foreach (var page in pages)
        {
            var countedThreads = new HashSet<(string Line, string Thread)>();
            foreach (var count in page.Features.Counts)
            {
                features.AddRange(FromCount(count, countedThreads));
            }

            foreach (var thread in page.Features.Threads.Where(t => !countedThreads.Contains((t.Source.Text, t.Value))))
            {
                features.AddRange(Threaded(thread.Value, 1, thread));
            }

            features.AddRange(page.Features.Chamfers.Select(c => new MachiningFeature
            {
                Type = FeatureType.Chamfer, Count = 1, LengthMm = c.Number, Source = SourceOf(c),
            }));
        }

        var titleBlock = pages.Select(p => p.TitleBlock).FirstOrDefault(t => t.Material is not null);
        return new FeatureSet
        {
            Material = titleBlock?.Material?.Value,
            MaterialGroup = titleBlock?.MaterialGroup,
            Features = features.Select((f, i) => f with { Id = string.Create(CultureInfo.InvariantCulture, $"t{i + 1}") }).ToList(),
        };
    }

    private static IEnumerable<MachiningFeature> FromCount(DrawingFact count, HashSet<(string Line, string Thread)> countedThreads)
    {
        var times = (int)(count.Number ?? 1);
        var target = count.Value[(count.Value.IndexOf(' ', StringComparison.Ordinal) + 1)..].Trim();
        if (target.StartsWith('M') && MetricThreads.Parse(target) is not null)
        {
            var thread = target.Split(' ')[0];
            countedThreads.Add((count.Source.Text, Normalised(thread)));
            return Threaded(thread, times, count);
        }

        if (target.AsSpan().IndexOfAny(DiameterSignSet) == 0 && LeadingNumber(target.TrimStart(DiameterSigns).Trim()) is { } diameter)
        {
            return [new MachiningFeature { Type = FeatureType.Drilling, Count = times, DiameterMm = diameter, Source = SourceOf(count) }];
        }

        return [];
    }

    private static IEnumerable<MachiningFeature> Threaded(string thread, int count, DrawingFact fact)
    {
        if (MetricThreads.Parse(thread) is not { } parsed)
        {
            yield break;
        }

        var source = SourceOf(fact);
        if (parsed.PitchMm is { } pitch)
        {
            yield return new MachiningFeature { Type = FeatureType.Drilling, Count = count, DiameterMm = Math.Round(parsed.DiameterMm - pitch, 2), Source = source };
        }

        yield return new MachiningFeature
        {
            Type = FeatureType.Tapping, Count = count, Thread = Normalised(thread), DiameterMm = parsed.DiameterMm, PitchMm = parsed.PitchMm, Source = source,
        };
    }

    // The facts reader writes threads as "M8" / "M6x1"; a count's text may say "M8x1,25" or "M8-6H".
    private static string Normalised(string thread) => MetricThreads.Parse(thread) is { } p && thread.Contains('x', StringComparison.OrdinalIgnoreCase)
        ? string.Create(CultureInfo.InvariantCulture, $"M{p.DiameterMm}x{p.PitchMm}")
        : string.Create(CultureInfo.InvariantCulture, $"M{MetricThreads.Parse(thread)?.DiameterMm}");

    private static double? LeadingNumber(string text)
    {
        var digits = new string(text.TakeWhile(c => char.IsAsciiDigit(c) || c is '.' or ',').ToArray()).TrimEnd('.', ',');
        return double.TryParse(digits.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;
    }

    private static FeatureSource SourceOf(DrawingFact fact) =>
        new(FeatureSourceKind.TextLayer, fact.Source.Page, fact.Source.Box, fact.Confidence);
}
