using System.ComponentModel.DataAnnotations;

namespace TimeVision.Core.History;

/// <summary>The shop's history, bound from the <c>History</c> section: the import's container, the history index and the estimates drawn from it.</summary>
public sealed class HistoryOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "History";

    /// <summary>
    /// The blob container past drawings are put in for an import (Functions app): no trigger watches it, so nothing is
    /// estimated when a drawing lands there. Default <c>history</c>.
    /// </summary>
    [Required]
    [RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$", ErrorMessage = "History:Container must be a valid blob container name (3-63 lower-case letters, digits and dashes).")]
    public string Container { get; set; } = "history";

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
