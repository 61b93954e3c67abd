namespace TimeVision.Core.Estimating.Pricing;

/// <summary>Frozen quotes, per estimate, each written once and never changed.</summary>
public interface IFrozenQuoteStore
{
    /// <summary>Stores <paramref name="quote"/> under its estimate and number.</summary>
    /// <param name="quote">The frozen quote.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="Storage.ConcurrencyConflictException">The number was taken first by another freeze.</exception>
    Task AddAsync(FrozenQuote quote, CancellationToken cancellationToken);

    /// <summary>The estimate's frozen quotes, oldest first, as stored (without <see cref="FrozenQuote.SupersededBy"/>).</summary>
    /// <param name="documentId">The estimate.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<FrozenQuote>> ListAsync(string documentId, CancellationToken cancellationToken);

    /// <summary>One frozen quote as stored, or <see langword="null"/>.</summary>
    /// <param name="documentId">The estimate.</param>
    /// <param name="id">The quote's number.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<FrozenQuote?> GetAsync(string documentId, int id, CancellationToken cancellationToken);
}
