using System.Globalization;
using System.Text.RegularExpressions;

namespace TimeVision.Core.Estimating.ProcessPlanning;

/// <summary>Metric threads: the nominal diameter and pitch of <c>M8</c> or <c>M6x1</c>, coarse pitches per ISO 261.</summary>
public static partial class MetricThreads
{
    // ISO 261 coarse series; the shop's table (shop-data.md §4) holds M3–M20 with the same values.
    private static readonly Dictionary<double, double> CoarsePitch = new()
    {
        [1.6] = 0.35, [2] = 0.4, [2.5] = 0.45, [3] = 0.5, [4] = 0.7, [5] = 0.8, [6] = 1.0, [8] = 1.25, [10] = 1.5,
        [12] = 1.75, [14] = 2.0, [16] = 2.0, [18] = 2.5, [20] = 2.5, [22] = 2.5, [24] = 3.0, [27] = 3.0, [30] = 3.5,
        [33] = 3.5, [36] = 4.0, [42] = 4.5, [48] = 5.0,
    };

    /// <summary>The nominal diameter and the pitch written or, when absent, the coarse pitch; <see langword="null"/> when not a metric thread.</summary>
    /// <param name="thread">E.g. <c>M8</c>, <c>M6x1</c>, <c>M10 x 1.25</c>.</param>
    /// <returns>The diameter, and the pitch (null when neither written nor in the coarse series).</returns>
    public static (double DiameterMm, double? PitchMm)? Parse(string? thread)
    {
        if (thread is null || ThreadPattern().Match(thread) is not { Success: true } m)
        {
            return null;
        }

        var diameter = Number(m.Groups[1].Value);
        var pitch = m.Groups[2].Success ? Number(m.Groups[2].Value) : CoarsePitchOf(diameter);
        return (diameter, pitch);
    }

    /// <summary>The ISO 261 coarse pitch of a nominal diameter, when it is in the series.</summary>
    public static double? CoarsePitchOf(double diameterMm) => CoarsePitch.TryGetValue(diameterMm, out var p) ? p : null;

    private static double Number(string text) => double.Parse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s*M\s?(\d{1,2}(?:[.,]\d)?)(?:\s?[xX×]\s?(\d(?:[.,]\d{1,2})?))?", RegexOptions.CultureInvariant)]
    private static partial Regex ThreadPattern();
}
