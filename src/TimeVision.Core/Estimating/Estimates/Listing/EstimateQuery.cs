namespace TimeVision.Core.Estimating.Estimates.Listing;

/// <summary>
/// What the list of documents is asked for: filters (all optional, all must hold), a page size and where the previous
/// page ended. Deleted documents are left out unless <see cref="Deleted"/> asks for them alone.
/// </summary>
public sealed record EstimateQuery
{
    /// <summary>The page size when none is asked for.</summary>
    public const int DefaultPageSize = 20;

    /// <summary>The largest page size.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Only documents that ended so.</summary>
    public DocumentStatus? Status { get; init; }

    /// <summary>Only documents one of whose pages a model whose id contains this text estimated (case-insensitive: <c>gpt-4o</c> finds <c>gpt-4o-2024-08-06</c>).</summary>
    public string? Model { get; init; }

    /// <summary>Only documents with a page the model refused (<see cref="EstimateSummary.BlockedPages"/>).</summary>
    public bool Blocked { get; init; }

    /// <summary>Only documents whose file name, a part name or a drawing number contains this text (case-insensitive).</summary>
    public string? Text { get; init; }

    /// <summary>Only documents started at or after this moment.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Only documents started before this moment.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Only deleted documents (to restore one) instead of the others.</summary>
    public bool Deleted { get; init; }

    /// <summary>Rows per page, 1 to <see cref="MaxPageSize"/>.</summary>
    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>Where the previous page ended, or <see langword="null"/> for the first page.</summary>
    public ListCursor? After { get; init; }

    /// <summary>Whether a row passes every filter and comes after <see cref="After"/>.</summary>
    /// <param name="summary">The row.</param>
    public bool Matches(EstimateSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return (summary.DeletedAt is not null) == Deleted
            && (Status is not { } status || summary.Status == status)
            && (!Blocked || summary.BlockedPages > 0)
            && (string.IsNullOrWhiteSpace(Model) || summary.Models.Any(m => m.Contains(Model.Trim(), StringComparison.OrdinalIgnoreCase)))
            && (string.IsNullOrWhiteSpace(Text) || ContainsText(summary, Text.Trim()))
            && (From is not { } from || summary.CreatedAt >= from)
            && (To is not { } to || summary.CreatedAt < to)
            && (After is not { } after || after.IsBefore(summary));
    }

    private static bool ContainsText(EstimateSummary summary, string text) =>
        summary.FileName.Contains(text, StringComparison.OrdinalIgnoreCase)
        || summary.PartNames.Any(name => name.Contains(text, StringComparison.OrdinalIgnoreCase))
        || summary.DrawingNumbers.Any(number => number.Contains(text, StringComparison.OrdinalIgnoreCase));
}
