using System.ComponentModel.DataAnnotations;

namespace TimeVision.Core.Learning.History;

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

    /// <summary>
    /// The largest times file an import takes, in bytes (default 64 MiB, room for a million rows of an ERP export); a
    /// larger one is refused (<c>times_file_too_large</c>) before a row is read, and an upload past it is cut off (413).
    /// </summary>
    [Range(1L, 1L << 40)]
    public long MaxImportBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// The most rows a times file may have (default 1,000,000); a longer one is refused (<c>too_many_rows</c>) with
    /// nothing stored. A million-row import stays under 300 MB of working set (the <c>import-rows</c> benchmark).
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxImportRows { get; set; } = 1_000_000;
}
