using System.Text.Json.Serialization;
using TimeVision.Core.Estimating.Estimates;

namespace TimeVision.Core.Learning.History;

/// <summary>How several production orders of one drawing become its label.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LabelAggregation>))]
public enum LabelAggregation
{
    /// <summary>The middle value (the mean of the two middle ones for an even count): the default, robust to an odd order.</summary>
    [JsonStringEnumMemberName("median")]
    Median,

    /// <summary>The mean after dropping the top and bottom 20 % (rounded down: nothing is dropped below five rows).</summary>
    [JsonStringEnumMemberName("trimmed-mean")]
    TrimmedMean,
}

/// <summary>The aggregation itself: one value from a drawing's per-piece times, with their spread.</summary>
public static class LabelAggregator
{
    /// <summary>The share dropped from each end by <see cref="LabelAggregation.TrimmedMean"/>.</summary>
    public const double TrimmedShare = 0.2;

    /// <summary>Parses <c>median</c> or <c>trimmed-mean</c>; <see langword="null"/> for anything else.</summary>
    public static LabelAggregation? Parse(string? text) => text switch
    {
        null or "" or "median" => LabelAggregation.Median,
        "trimmed-mean" => LabelAggregation.TrimmedMean,
        _ => null,
    };

    /// <summary>The option's spelling of an aggregation.</summary>
    public static string Name(LabelAggregation aggregation) => aggregation == LabelAggregation.TrimmedMean ? "trimmed-mean" : "median";

    /// <summary>
    /// The aggregated value, rounded to a thousandth of a minute (so re-importing the same rows gives the same value
    /// bit for bit), and the spread of <paramref name="minutes"/>.
    /// </summary>
    public static (double Value, ImportSpread Spread) Aggregate(IReadOnlyList<double> minutes, LabelAggregation aggregation)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        if (minutes.Count == 0)
        {
            throw new ArgumentException("No values to aggregate.", nameof(minutes));
        }

        var sorted = minutes.Order().ToArray();
        var count = sorted.Length;
        var dropped = 0;
        double value;
        if (aggregation == LabelAggregation.TrimmedMean)
        {
            dropped = (int)Math.Floor(count * TrimmedShare);
            value = sorted.AsSpan(dropped, count - (2 * dropped)).ToArray().Average();
        }
        else
        {
            value = count % 2 == 1 ? sorted[count / 2] : (sorted[(count / 2) - 1] + sorted[count / 2]) / 2;
        }

        var mean = sorted.Average();
        double? deviation = count > 1 ? Math.Round(Math.Sqrt(sorted.Sum(v => (v - mean) * (v - mean)) / (count - 1)), 3) : null;
        return (Math.Round(value, 3), new ImportSpread(Math.Round(sorted[0], 3), Math.Round(sorted[^1], 3), deviation, dropped * 2));
    }
}
