namespace TimeVision.Core.Estimating.Pricing;

/// <summary>One stored version of the shop's rates.</summary>
/// <param name="Number">1 for the first set an admin stored, one more for each after.</param>
/// <param name="Rates">The rates, with their version, who stored them and when.</param>
public sealed record StoredRates(int Number, ShopRates Rates);

/// <summary>
/// The shop's rates, every version kept and none changed: a new set is stored as the next number, and the highest
/// number is the one in use. Two admins saving at once cannot both take a number; the second is refused.
/// </summary>
public interface IRatesStore
{
    /// <summary>The newest stored version, or <see langword="null"/> when no admin has stored rates yet.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<StoredRates?> LatestAsync(CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="rates"/> as version <paramref name="number"/>.</summary>
    /// <param name="number">The version number; it must not be taken.</param>
    /// <param name="rates">The rates.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="Storage.ConcurrencyConflictException">Version <paramref name="number"/> was stored first by someone else.</exception>
    Task AddAsync(int number, ShopRates rates, CancellationToken cancellationToken);
}
