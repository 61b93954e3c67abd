using System.ComponentModel.DataAnnotations;

namespace TimeVision.Core.History;

/// <summary>The history index and the estimates drawn from it, bound from the <c>History</c> section.</summary>
public sealed class HistoryOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "History";

    /// <summary>The most neighbours any one question may ask for.</summary>
    public const int MaxNeighbours = 50;

    /// <summary>How many similar past parts the <c>history</c> estimator weighs (and <c>similar</c> lists unless told).</summary>
    [Range(1, MaxNeighbours)]
    public int Neighbours { get; set; } = 5;

    /// <summary>
    /// How long a host trusts its in-memory copy of the index before it checks the label index for new or changed labels
    /// (one single-partition query; only changed documents are read again).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(30);
}
