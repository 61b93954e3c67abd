using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Core.Estimating.Pricing;

/// <summary>
/// The shop's rates, the contract of <c>GET/PUT /api/rates</c> and <c>timevision rates</c> (camelCase): the work
/// centres (the planner's own list, <see cref="WorkCentre"/>, with their hourly rates), the coefficients and the
/// material prices. Every stored set is a version of its own; a quote records the version it used.
/// </summary>
public sealed record ShopRates
{
    /// <summary>
    /// <c>shop-N</c> for the N-th set an admin stored, <c>defaults-…</c> for the shipped defaults, <c>file-…</c> for a
    /// file given to one quote. Set by the server: what a caller sends here is the version they started from.
    /// </summary>
    public string? Version { get; init; }

    /// <summary>The currency of every price and rate (ISO 4217, e.g. <c>CZK</c>).</summary>
    public required string Currency { get; init; }

    /// <summary>The work centres, each with its planning fields and its hourly rates.</summary>
    public required IReadOnlyList<WorkCentre> WorkCentres { get; init; }

    /// <summary>The coefficients of the price formula.</summary>
    public required PricingCoefficients Coefficients { get; init; }

    /// <summary>Density and price per kilogram of each material group (and, where it differs, of its tube stock).</summary>
    public required IReadOnlyList<MaterialRate> Materials { get; init; }

    /// <summary>Who stored this version, as the host vouches for them.</summary>
    public string? SetBy { get; init; }

    /// <summary>When this version was stored.</summary>
    public DateTimeOffset? SetAt { get; init; }

    /// <summary>The work centres as the planner reads them, under this set's version.</summary>
    public WorkCentreList AsWorkCentreList() => new() { Version = Version ?? "unversioned", Currency = Currency, WorkCentres = WorkCentres };
}

/// <summary>The coefficients of the price formula (<c>src/docs/quote.md</c>).</summary>
public sealed record PricingCoefficients
{
    /// <summary>Administrative overhead on the machine cost (1.20 = 20 %).</summary>
    public required decimal Overhead { get; init; }

    /// <summary>Margin on the machine cost with its overhead.</summary>
    public required decimal Margin { get; init; }

    /// <summary>Stock surcharge on the material.</summary>
    public required decimal Stock { get; init; }

    /// <summary>Surcharge on cooperation (outsourced operations).</summary>
    public required decimal Coop { get; init; }

    /// <summary>Scrap allowance in per cent (0–100), on the machine cost and the material.</summary>
    public required decimal ScrapPercent { get; init; }

    /// <summary>Machine utilisation: the run time is divided by it (1 = 100 %, above 0, at most 2).</summary>
    public required decimal Ke { get; init; }

    /// <summary>Manning: the share of the operator's wage charged during the run (1 = 100 %, 0–2).</summary>
    public required decimal Ko { get; init; }

    /// <summary>Where the values come from.</summary>
    public string? Source { get; init; }
}

/// <summary>A material group's density and price tiers; a row with a <see cref="Shape"/> prices that stock shape only.</summary>
public sealed record MaterialRate
{
    /// <summary>The group, as the features contract names it (<c>steel</c>, <c>aluminium</c>, …).</summary>
    public required string Group { get; init; }

    /// <summary>The stock shape this row prices; absent for every shape without a row of its own.</summary>
    public StockShape? Shape { get; init; }

    /// <summary>Density, kg/dm³.</summary>
    public required decimal DensityKgPerDm3 { get; init; }

    /// <summary>Price per kilogram by the batch's stock weight; the lowest tier starts at 0 kg.</summary>
    public required IReadOnlyList<PriceTier> PriceTiers { get; init; }

    /// <summary>Where the values come from.</summary>
    public string? Source { get; init; }
}

/// <summary>A price per kilogram from a batch weight on.</summary>
/// <param name="MinKg">The batch's stock weight from which this price holds.</param>
/// <param name="PricePerKg">The price per kilogram.</param>
public sealed record PriceTier(decimal MinKg, decimal PricePerKg);
