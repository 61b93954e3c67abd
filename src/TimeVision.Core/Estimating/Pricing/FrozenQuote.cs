namespace TimeVision.Core.Estimating.Pricing;

/// <summary>
/// A quote frozen as a price set: its number within the estimate, who froze it and when, the snapshot of every input
/// (<see cref="QuoteInputs"/>: plan, features version, rates version, coefficients) and the quote as computed. It is
/// never changed; a newer one for the same estimate supersedes it.
/// </summary>
public sealed record FrozenQuote
{
    /// <summary>1 for an estimate's first frozen quote, one more for each after.</summary>
    public required int Id { get; init; }

    /// <summary>The estimate's document id.</summary>
    public required string DocumentId { get; init; }

    /// <summary>When it was frozen.</summary>
    public required DateTimeOffset FrozenAt { get; init; }

    /// <summary>Who froze it, as the host vouches for them.</summary>
    public string? FrozenBy { get; init; }

    /// <summary>The quote it supersedes: the estimate's newest frozen one when it was frozen.</summary>
    public int? Supersedes { get; init; }

    /// <summary>The quote that superseded it, if any (known when it is read, never stored with it).</summary>
    public int? SupersededBy { get; init; }

    /// <summary>Everything it was computed from.</summary>
    public required QuoteInputs Inputs { get; init; }

    /// <summary>The quote as computed when frozen.</summary>
    public required Quote Quote { get; init; }
}

/// <summary>A frozen quote in an estimate's list: its id, when and by whom, what it supersedes, and its prices.</summary>
/// <param name="Id">Its number within the estimate.</param>
/// <param name="FrozenAt">When it was frozen.</param>
/// <param name="FrozenBy">Who froze it.</param>
/// <param name="Supersedes">The quote it supersedes.</param>
/// <param name="SupersededBy">The quote that superseded it, if any.</param>
/// <param name="Currency">The currency.</param>
/// <param name="RatesVersion">The rates' version it used.</param>
/// <param name="PlanVersion">The plan's version it used.</param>
/// <param name="Batches">Its prices.</param>
public sealed record FrozenQuoteSummary(
    int Id, DateTimeOffset FrozenAt, string? FrozenBy, int? Supersedes, int? SupersededBy, string Currency, string RatesVersion, int PlanVersion, IReadOnlyList<QuoteBatch> Batches)
{
    /// <summary>The summary of <paramref name="quote"/>.</summary>
    /// <param name="quote">A frozen quote.</param>
    public static FrozenQuoteSummary Of(FrozenQuote quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        return new(quote.Id, quote.FrozenAt, quote.FrozenBy, quote.Supersedes, quote.SupersededBy, quote.Quote.Currency, quote.Quote.RatesVersion, quote.Quote.PlanVersion, quote.Quote.Batches);
    }
}
