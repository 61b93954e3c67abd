namespace TimeVision.Core.Estimating.Estimates.Listing;

/// <summary>
/// One row of the list of documents: what the list shows and filters on, taken from the stored document. Small enough
/// that a month of them fits in one query (Cosmos DB keeps one per document in the month's summary partition).
/// </summary>
public sealed record EstimateSummary
{
    /// <summary>The document id (the PDF's SHA-256).</summary>
    public required string Id { get; init; }

    /// <summary>The file name as uploaded.</summary>
    public required string FileName { get; init; }

    /// <summary>Completed, partial or failed.</summary>
    public required DocumentStatus Status { get; init; }

    /// <summary>When the estimate was started; the list is newest first by this.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was finished.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Pages in the PDF.</summary>
    public required int PageCount { get; init; }

    /// <summary>The document's total minutes, when any page has an estimate.</summary>
    public double? TotalEstimatedMinutes { get; init; }

    /// <summary>The figure the document shows first (<see cref="DocumentFigures.Current"/>); absent on rows stored before it.</summary>
    public double? CurrentMinutes { get; init; }

    /// <summary>Where <see cref="CurrentMinutes"/> comes from; absent on rows stored before it.</summary>
    public FigureSource? CurrentSource { get; init; }

    /// <summary>How many pages the model refused (<see cref="PageEstimateStatus.Blocked"/>).</summary>
    public int BlockedPages { get; init; }

    /// <summary>The models that estimated its pages.</summary>
    public required IReadOnlyList<string> Models { get; init; }

    /// <summary>The parts' names, as read.</summary>
    public required IReadOnlyList<string> PartNames { get; init; }

    /// <summary>The parts' drawing numbers, as read.</summary>
    public required IReadOnlyList<string> DrawingNumbers { get; init; }

    /// <summary>How many feedback entries (real or expert times) it carries.</summary>
    public int FeedbackCount { get; init; }

    /// <summary>When it was deleted (taken off the list), or <see langword="null"/>.</summary>
    public DateTimeOffset? DeletedAt { get; init; }

    /// <summary>The summary of a stored document.</summary>
    /// <param name="document">The document.</param>
    public static EstimateSummary Of(DocumentEstimate document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var figures = document.Figures;
        return new EstimateSummary
        {
            Id = document.Id,
            FileName = document.FileName,
            Status = document.Status,
            CreatedAt = document.CreatedAt,
            CompletedAt = document.CompletedAt,
            PageCount = document.PageCount,
            TotalEstimatedMinutes = document.TotalEstimatedMinutes,
            CurrentMinutes = figures.Current,
            CurrentSource = figures.Current is null ? null : figures.Source,
            BlockedPages = document.Pages.Count(page => page.Status == PageEstimateStatus.Blocked),
            Models = [.. document.Models.Select(m => m.Model).Distinct(StringComparer.Ordinal)],
            PartNames = [.. document.Parts.Select(p => p.PartName).OfType<string>().Distinct(StringComparer.Ordinal)],
            DrawingNumbers = [.. document.Parts.Select(p => p.DrawingNumber).OfType<string>().Distinct(StringComparer.Ordinal)],
            FeedbackCount = document.Feedback?.Count ?? 0,
            DeletedAt = document.DeletedAt,
        };
    }
}
