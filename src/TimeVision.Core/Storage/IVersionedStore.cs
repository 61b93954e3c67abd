namespace TimeVision.Core.Storage;

/// <summary>One stored version of a shop setting.</summary>
/// <param name="Number">1 for the first version an admin stored, one more for each after.</param>
/// <param name="Value">What was stored, with its version, who stored it and when.</param>
/// <typeparam name="T">The setting's contract.</typeparam>
public sealed record StoredVersion<T>(int Number, T Value);

/// <summary>
/// A shop setting (the rates, the cutting-data override), every version kept and none changed: a new version is
/// stored as the next number, and the highest number is the one in use. Two admins saving at once cannot both take a
/// number; the second is refused.
/// </summary>
/// <typeparam name="T">The setting's contract.</typeparam>
public interface IVersionedStore<T>
    where T : class
{
    /// <summary>The newest stored version, or <see langword="null"/> when no admin has stored one yet.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<StoredVersion<T>?> LatestAsync(CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="value"/> as version <paramref name="number"/>.</summary>
    /// <param name="number">The version number; it must not be taken.</param>
    /// <param name="value">What to store.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="ConcurrencyConflictException">Version <paramref name="number"/> was stored first by someone else.</exception>
    Task AddAsync(int number, T value, CancellationToken cancellationToken);
}
