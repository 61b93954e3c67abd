using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Core.Estimating.Pricing;

/// <summary>
/// Everything a quote is computed from, and all it is computed from: the plan's operations and versions, the part's
/// stock and material group, the quantities, the cooperation lines and the rates (only the work centres and material
/// rows it uses, with the coefficients and the rates' version). A frozen quote keeps this snapshot, so the same
/// <see cref="QuoteCalculator.Price"/> gives the same price however the rates or the plan change later.
/// </summary>
public sealed record QuoteInputs
{
    /// <summary>The estimate's document id.</summary>
    public required string DocumentId { get; init; }

    /// <summary>The part as its drawing names it.</summary>
    public required QuotePart Part { get; init; }

    /// <summary>The features version the plan was made from.</summary>
    public required int PlanVersion { get; init; }

    /// <summary>The cutting data's version the plan used.</summary>
    public string? CuttingDataVersion { get; init; }

    /// <summary>The work centres' version the plan used.</summary>
    public string? WorkCentresVersion { get; init; }

    /// <summary>The part's material group, from its merged features.</summary>
    public string? MaterialGroup { get; init; }

    /// <summary>The part's stock, from its merged features.</summary>
    public Stock? Stock { get; init; }

    /// <summary>The plan's operations.</summary>
    public required IReadOnlyList<PlannedStep> Operations { get; init; }

    /// <summary>Outsourced operations.</summary>
    public IReadOnlyList<CooperationLine> Cooperation { get; init; } = [];

    /// <summary>The batch quantities.</summary>
    public required IReadOnlyList<int> Quantities { get; init; }

    /// <summary>The rates (or, in a frozen quote, the part of them it used).</summary>
    public required ShopRates Rates { get; init; }

    /// <summary>These inputs with the rates cut to what they use: the operations' and cooperation's work centres, the material group's rows.</summary>
    public QuoteInputs WithRatesUsed()
    {
        var used = Operations.Select(o => o.WorkCentre).Concat(Cooperation.Select(c => c.WorkCentre).OfType<string>()).ToHashSet(StringComparer.Ordinal);
        return this with
        {
            Rates = Rates with
            {
                WorkCentres = [.. Rates.WorkCentres.Where(c => used.Contains(c.Id))],
                Materials = [.. Rates.Materials.Where(m => m.Group == MaterialGroup)],
            },
        };
    }
}

/// <summary>One operation of the plan as a quote needs it.</summary>
/// <param name="Sequence">The plan's sequence number.</param>
/// <param name="WorkCentre">The work centre's id.</param>
/// <param name="Kind">What it does.</param>
/// <param name="SetupMin">Setup minutes per batch.</param>
/// <param name="CycleMin">Minutes per piece.</param>
public sealed record PlannedStep(int Sequence, string WorkCentre, OperationKind Kind, double SetupMin, double CycleMin);

/// <summary>Why no price could be given: a stable code and a sentence naming what is missing.</summary>
/// <param name="Code">See the constants.</param>
/// <param name="Message">What is missing, and how to give it.</param>
public sealed record QuoteProblem(string Code, string Message)
{
    /// <summary>The rates a <see cref="RatesMissing"/> problem lacks, for a page to word: <c>centres</c> (the work centres, by id and name) and <c>group</c> (the material group).</summary>
    public IReadOnlyDictionary<string, string>? Params { get; init; }

    /// <summary>A work centre the plan uses, or the part's material, has no rates; the message names each.</summary>
    public const string RatesMissing = "rates_missing";

    /// <summary>The features name no stock, or not the sizes its shape needs for a weight.</summary>
    public const string NoStock = "no_stock";

    /// <summary>The features name no material group.</summary>
    public const string NoMaterialGroup = "no_material_group";

    /// <summary>A quantity is not a whole number from 1 to <see cref="QuoteRequest.MaxQuantity"/>, or there are none or too many.</summary>
    public const string InvalidQuantities = "invalid_quantities";

    /// <summary>A cooperation line has no name, a negative price, or a work centre that is not an external one of the rates.</summary>
    public const string InvalidCooperation = "invalid_cooperation";

    /// <summary>No stored estimate with that id.</summary>
    public const string NotFound = "not_found";

    /// <summary>The estimate has no process plan.</summary>
    public const string NoPlan = "no_plan";

    /// <summary>The rates cannot be read (the data folder's <c>work-centres.json</c> was rejected).</summary>
    public const string RatesUnavailable = "rates_unavailable";
}
