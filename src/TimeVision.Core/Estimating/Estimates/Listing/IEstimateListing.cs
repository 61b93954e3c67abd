namespace TimeVision.Core.Estimating.Estimates.Listing;

/// <summary>The list of stored documents, newest first, filtered and paged (<c>GET /api/estimates</c>).</summary>
public interface IEstimateListing
{
    /// <summary>The page <paramref name="query"/> asks for.</summary>
    /// <param name="query">Filters, page size and where the previous page ended.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<EstimateListPage> ListAsync(EstimateQuery query, CancellationToken cancellationToken);
}
