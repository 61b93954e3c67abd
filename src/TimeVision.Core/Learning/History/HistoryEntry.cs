using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Offline;
using TimeVision.Core.Learning.Feedback;

namespace TimeVision.Core.Learning.History;

/// <summary>
/// One labelled part of the shop's history, as the history index keeps it: what similarity is measured on, the real
/// time, and what a person needs to find the part again.
/// </summary>
public sealed record HistoryEntry
{
    /// <summary>The document (the PDF's SHA-256).</summary>
    public required string DocumentId { get; init; }

    /// <summary>The part, 1-based, as the document lists its parts.</summary>
    public required int Part { get; init; }

    /// <summary>The document's label version when the entry was built (<see cref="LabelVersion"/>): a different one means rebuild.</summary>
    public required string LabelVersion { get; init; }

    /// <summary>The part's first sheet (1-based page), whose image the history prompt may show.</summary>
    public int Sheet { get; init; } = 1;

    /// <summary>The PDF's file name.</summary>
    public required string File { get; init; }

    /// <summary>The part's drawing number, if read.</summary>
    public string? DrawingNumber { get; init; }

    /// <summary>The part's name, if read.</summary>
    public string? PartName { get; init; }

    /// <summary>What similarity is measured on.</summary>
    public required PartFeatures Features { get; init; }

    /// <summary>The real spindle time in minutes (the label <see cref="FeedbackLabels.Choose"/> picks).</summary>
    public required double ActualMinutes { get; init; }

    /// <summary>Measured or a person's estimate.</summary>
    public required FeedbackSource Source { get; init; }

    /// <summary>How many production orders the time stands for (1 for a time entered by hand).</summary>
    public required int Rows { get; init; }

    /// <summary>When the label was entered.</summary>
    public DateTimeOffset EnteredAt { get; init; }

    /// <summary>The entry's key in the index: document and part.</summary>
    public string Key => $"{DocumentId}-{Part}";
}
