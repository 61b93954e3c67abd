using System.Globalization;
using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Estimating.Pricing;

/// <summary>The rates in use, or why they cannot be read.</summary>
/// <param name="Rates">The rates, when they could be read.</param>
/// <param name="ETag">The stored version's concurrency token, for <c>If-Match</c>; <see langword="null"/> for the defaults (the first set needs none).</param>
/// <param name="Error">Why not: the data folder's <c>work-centres.json</c> was rejected.</param>
public sealed record RatesRead(ShopRates? Rates, string? ETag, InputFileError? Error);

/// <summary>How storing rates ended.</summary>
public enum RatesSetOutcome
{
    /// <summary>Stored as a new version.</summary>
    Saved,

    /// <summary>The rates break a rule; nothing was stored.</summary>
    Invalid,

    /// <summary>Another version was stored since the caller read theirs; nothing was overwritten.</summary>
    Stale,
}

/// <summary>The result of storing rates.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Rates">The rates as stored, with their new version, when saved.</param>
/// <param name="ETag">Their concurrency token, when saved.</param>
/// <param name="Message">Why not, when not saved.</param>
public sealed record RatesSetResult(RatesSetOutcome Outcome, ShopRates? Rates, string? ETag, string? Message);

/// <summary>
/// The shop's rates: the newest version an admin stored, else the defaults (<see cref="PricingDefaults"/> with the
/// planner's work centres). Storing makes a new version, guarded by the version the caller read. The rates' work
/// centres are the planner's: this is also the <see cref="IWorkCentreSource"/> stored estimates are planned with.
/// </summary>
/// <param name="store">The stored versions.</param>
/// <param name="storage">Where the data folder (and its <c>work-centres.json</c>) is.</param>
/// <param name="time">When a version is stored.</param>
public sealed class ShopRatesService(IRatesStore store, IOptions<StorageOptions> storage, TimeProvider time) : IWorkCentreSource
{
    /// <summary>The version prefix of rates an admin stored: <c>shop-1</c>, <c>shop-2</c>, …</summary>
    public const string StoredVersionPrefix = "shop-";

    /// <summary>The concurrency token of stored version <paramref name="number"/>: <c>"N"</c>, an HTTP entity tag.</summary>
    /// <param name="number">The version number.</param>
    public static string ETagOf(int number) => string.Create(CultureInfo.InvariantCulture, $"\"{number}\"");

    /// <summary>The rates in use: the newest stored version, else the defaults.</summary>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<RatesRead> CurrentAsync(CancellationToken cancellationToken)
    {
        if (await store.LatestAsync(cancellationToken) is { } stored)
        {
            return new RatesRead(stored.Value, ETagOf(stored.Number), null);
        }

        var centres = await PlanningData.LoadWorkCentresAsync(null, storage.Value.DataDirectory, cancellationToken);
        return centres.Value is { } list ? new RatesRead(PricingDefaults.With(list), null, null) : new RatesRead(null, null, centres.Error);
    }

    /// <summary>
    /// Stores <paramref name="rates"/> as the next version, if the newest stored version is still the one the caller
    /// read: <paramref name="ifMatch"/> its <c>ETag</c>, or <see langword="null"/> when the caller read the defaults
    /// (the first set).
    /// </summary>
    /// <param name="rates">The rates; their version, who and when are set here.</param>
    /// <param name="ifMatch">The <c>ETag</c> of the version the caller read, or <see langword="null"/> for none stored.</param>
    /// <param name="by">Who, as the host vouches for the caller.</param>
    /// <param name="cancellationToken">Cancels the reads and the write.</param>
    public async Task<RatesSetResult> SetAsync(ShopRates rates, string? ifMatch, string? by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rates);
        if (RatesRules.Check(rates) is { } problem)
        {
            return new RatesSetResult(RatesSetOutcome.Invalid, null, null, problem);
        }

        var latest = await store.LatestAsync(cancellationToken);
        if (Stale(latest, ifMatch) is { } stale)
        {
            return new RatesSetResult(RatesSetOutcome.Stale, null, null, stale);
        }

        var number = (latest?.Number ?? 0) + 1;
        var stored = rates with { Version = string.Create(CultureInfo.InvariantCulture, $"{StoredVersionPrefix}{number}"), SetBy = by, SetAt = time.GetUtcNow() };
        try
        {
            await store.AddAsync(number, stored, cancellationToken);
            return new RatesSetResult(RatesSetOutcome.Saved, stored, ETagOf(number), null);
        }
        catch (ConcurrencyConflictException)
        {
            return new RatesSetResult(RatesSetOutcome.Stale, null, null, "Another admin stored rates at the same moment; read them again and resend.");
        }
    }

    /// <inheritdoc />
    async Task<InputFileResult<WorkCentreList>> IWorkCentreSource.CurrentAsync(CancellationToken cancellationToken) =>
        await store.LatestAsync(cancellationToken) is { } stored
            ? InputFileResult<WorkCentreList>.Success(stored.Value.AsWorkCentreList())
            : await PlanningData.LoadWorkCentresAsync(null, storage.Value.DataDirectory, cancellationToken);

    private static string? Stale(StoredVersion<ShopRates>? latest, string? ifMatch)
    {
        var tag = ifMatch?.Trim();
        if (latest is null)
        {
            return string.IsNullOrEmpty(tag) ? null : "No rates are stored yet, so no ETag matches; send the first set without If-Match.";
        }

        var current = $"{StoredVersionPrefix}{latest.Number}";
        return string.IsNullOrEmpty(tag)
            ? $"Rates {current} are stored, and this request names no version it changes; read them and send their ETag in If-Match."
            : tag.Replace("W/", string.Empty, StringComparison.Ordinal) == ETagOf(latest.Number) ? null
            : $"The rates changed since they were read: {current} is current; read them again and resend.";
    }
}
