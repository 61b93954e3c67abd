using System.ComponentModel.DataAnnotations;

namespace TimeVision.Core.History;

/// <summary>Settings of the history import (section <c>History</c>).</summary>
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
}
