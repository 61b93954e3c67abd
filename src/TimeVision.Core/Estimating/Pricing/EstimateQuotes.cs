using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Estimating.Pricing;

/// <summary>A stored estimate's quote and the inputs it was computed from, or why there is none.</summary>
/// <param name="Quote">The quote.</param>
/// <param name="Inputs">What it was computed from.</param>
/// <param name="Problem">Why not.</param>
public sealed record QuoteOutcome(Quote? Quote, QuoteInputs? Inputs, QuoteProblem? Problem);

/// <summary>A frozen quote, or why none was frozen.</summary>
/// <param name="Quote">The frozen quote.</param>
/// <param name="Problem">Why not.</param>
public sealed record FreezeOutcome(FrozenQuote? Quote, QuoteProblem? Problem);

/// <summary>
/// Quotes a stored estimate: its plan's operations and its features' stock and material, priced by
/// <see cref="QuoteCalculator"/> with the shop's rates in use (or rates given for one quote). A quote can be frozen as
/// a price set: the snapshot of its inputs and its prices, numbered per estimate, never changed; each new one
/// supersedes the estimate's newest. The one service the CLI and both hosts call.
/// </summary>
/// <param name="estimates">The stored estimates.</param>
/// <param name="rates">The rates in use.</param>
/// <param name="frozen">The frozen quotes.</param>
/// <param name="time">When a quote is frozen.</param>
public sealed class EstimateQuotes(IEstimateStore estimates, ShopRatesService rates, IFrozenQuoteStore frozen, TimeProvider time)
{
    private const int FreezeAttempts = 5;

    /// <summary>The estimate's quote for <paramref name="request"/>, or why there is none.</summary>
    /// <param name="documentId">The estimate.</param>
    /// <param name="request">The quantities and cooperation.</param>
    /// <param name="given">Rates for this quote only, instead of those in use; <see langword="null"/> for those in use.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<QuoteOutcome> QuoteAsync(string documentId, QuoteRequest request, ShopRates? given, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (inputs, problem) = await InputsAsync(documentId, request, given, cancellationToken);
        if (inputs is null)
        {
            return new QuoteOutcome(null, null, problem);
        }

        var priced = QuoteCalculator.Price(inputs);
        return new QuoteOutcome(priced.Quote, priced.Quote is null ? null : inputs, priced.Problem);
    }

    /// <summary>
    /// Freezes the estimate's quote for <paramref name="request"/>: priced from the snapshot of its inputs (the rates cut
    /// to what it uses), stored as the estimate's next number, superseding its newest.
    /// </summary>
    /// <param name="documentId">The estimate.</param>
    /// <param name="request">The quantities and cooperation.</param>
    /// <param name="given">Rates for this quote only, or <see langword="null"/> for those in use.</param>
    /// <param name="by">Who, as the host vouches for the caller.</param>
    /// <param name="cancellationToken">Cancels the reads and the write.</param>
    public async Task<FreezeOutcome> FreezeAsync(string documentId, QuoteRequest request, ShopRates? given, string? by, CancellationToken cancellationToken)
    {
        var quoted = await QuoteAsync(documentId, request, given, cancellationToken);
        if (quoted.Inputs is null)
        {
            return new FreezeOutcome(null, quoted.Problem);
        }

        var snapshot = quoted.Inputs.WithRatesUsed();
        var quote = QuoteCalculator.Price(snapshot).Quote!;
        for (var attempt = 1; ; attempt++)
        {
            var stored = await frozen.ListAsync(snapshot.DocumentId, cancellationToken);
            var newest = stored.Count > 0 ? stored[^1] : null;
            var entry = new FrozenQuote
            {
                Id = (newest?.Id ?? 0) + 1, DocumentId = snapshot.DocumentId, FrozenAt = time.GetUtcNow(), FrozenBy = by, Supersedes = newest?.Id, Inputs = snapshot, Quote = quote,
            };
            try
            {
                await frozen.AddAsync(entry, cancellationToken);
                return new FreezeOutcome(entry, null);
            }
            catch (ConcurrencyConflictException) when (attempt < FreezeAttempts)
            {
                // Another freeze took the number: take the next.
            }
        }
    }

    /// <summary>The estimate's frozen quotes, oldest first, each with the one that superseded it; <see langword="null"/> for an unknown estimate.</summary>
    /// <param name="documentId">The estimate.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<IReadOnlyList<FrozenQuote>?> ListAsync(string documentId, CancellationToken cancellationToken)
    {
        if (!DocumentId.TryParse(documentId, out var id))
        {
            return null;
        }

        var quotes = await frozen.ListAsync(id.Value, cancellationToken);
        if (quotes.Count == 0 && await estimates.GetAsync(id.Value, cancellationToken) is null)
        {
            return null;
        }

        return [.. quotes.Select(q => q with { SupersededBy = quotes.FirstOrDefault(later => later.Supersedes == q.Id)?.Id })];
    }

    /// <summary>One frozen quote as it was frozen, with the one that superseded it; <see langword="null"/> when unknown.</summary>
    /// <param name="documentId">The estimate.</param>
    /// <param name="quoteId">The quote's number.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<FrozenQuote?> GetAsync(string documentId, int quoteId, CancellationToken cancellationToken)
    {
        if (!DocumentId.TryParse(documentId, out var id) || await frozen.GetAsync(id.Value, quoteId, cancellationToken) is not { } quote)
        {
            return null;
        }

        // Each frozen quote supersedes the newest before it, so the one after it, if any, is the one that superseded it.
        return quote with { SupersededBy = (await frozen.GetAsync(id.Value, quoteId + 1, cancellationToken))?.Id };
    }

    private async Task<(QuoteInputs? Inputs, QuoteProblem? Problem)> InputsAsync(string documentId, QuoteRequest request, ShopRates? given, CancellationToken cancellationToken)
    {
        var document = DocumentId.TryParse(documentId, out var id) ? await estimates.GetAsync(id.Value, cancellationToken) : null;
        if (document is null)
        {
            return (null, new QuoteProblem(QuoteProblem.NotFound, $"No stored estimate with id '{documentId.Trim()}'."));
        }

        if (document is not { Features: { } features, Plan: { Routing: { } routing } plan })
        {
            var why = document.Plan?.NotMade is { } notMade ? $"{notMade.Message} ({notMade.Code})" : "it was made before plans were kept; estimate it again, or enter its features.";
            return (null, new QuoteProblem(QuoteProblem.NoPlan, $"The estimate has no process plan to price: {why}"));
        }

        var shop = given;
        if (shop is null)
        {
            var current = await rates.CurrentAsync(cancellationToken);
            if (current.Rates is null)
            {
                return (null, new QuoteProblem(QuoteProblem.RatesUnavailable, $"The rates cannot be read: {current.Error!.Message} ({current.Error.Code})"));
            }

            shop = current.Rates;
        }

        var part = document.Parts.Count > 0 ? document.Parts[0] : null;
        return (new QuoteInputs
        {
            DocumentId = document.Id, Part = new QuotePart(part?.DrawingNumber, part?.PartName, features.Merged.Material), PlanVersion = plan.FeaturesVersion,
            CuttingDataVersion = plan.CuttingDataVersion, WorkCentresVersion = plan.WorkCentresVersion, MaterialGroup = features.Merged.MaterialGroup,
            Stock = features.Merged.Stock, Operations = [.. routing.Operations.Select(o => new PlannedStep(o.Sequence, o.WorkCentre, o.Kind, o.SetupMin, o.CycleMin))],
            Cooperation = request.Cooperation, Quantities = request.Quantities, Rates = shop,
        }, null);
    }
}
