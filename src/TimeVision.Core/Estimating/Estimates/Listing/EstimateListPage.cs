namespace TimeVision.Core.Estimating.Estimates.Listing;

/// <summary>One page of the list of documents.</summary>
/// <param name="Items">The rows, newest first.</param>
/// <param name="ContinuationToken">Asks for the next page; <see langword="null"/> on the last one.</param>
public sealed record EstimateListPage(IReadOnlyList<EstimateSummary> Items, string? ContinuationToken)
{
    /// <summary>
    /// The page <paramref name="query"/> asks for, from rows already in the list's order
    /// (<see cref="ListCursor.NewestFirst"/>): those that match, at most a page of them, and a token when more match.
    /// </summary>
    /// <param name="ordered">Rows, newest first.</param>
    /// <param name="query">The query.</param>
    public static EstimateListPage From(IEnumerable<EstimateSummary> ordered, EstimateQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rows = ordered.Where(query.Matches).Take(query.PageSize + 1).ToList();
        return rows.Count > query.PageSize
            ? new EstimateListPage(rows[..query.PageSize], ListCursor.After(rows[query.PageSize - 1]).ToToken())
            : new EstimateListPage(rows, null);
    }
}
