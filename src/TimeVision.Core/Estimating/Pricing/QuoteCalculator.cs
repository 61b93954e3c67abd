using System.Globalization;
using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Core.Estimating.Pricing;

/// <summary>A quote, or why there is none.</summary>
/// <param name="Quote">The quote, when every rate it needs is there.</param>
/// <param name="Problem">Why not.</param>
public sealed record QuotePricing(Quote? Quote, QuoteProblem? Problem);

/// <summary>
/// The price formula (<c>src/docs/quote.md</c>), a pure function of <see cref="QuoteInputs"/>. For q pieces, with
/// scrap = 1 + scrapPercent/100: per operation setup = setupMin/60 × (depreciation + labour + overhead) and run =
/// q × cycleMin/60/ke × (depreciation + tools + overhead + ko × labour); machine = Σ(setup + run) × scrap × overhead ×
/// margin; material = weightKg × pricePerKg × stock × q × scrap, the tier being the highest minKg ≤ weightKg × q;
/// cooperation = Σ max(pricePerPiece × coop × q, minPrice); total = machine + material + cooperation; unit price =
/// total/q. Nothing is rounded to 0.01 on the way: whoever shows a price rounds it. The results carry six decimal
/// places (masses and volumes nine), far below a haléř, so that a stored quote reads back exactly (Cosmos DB keeps a
/// JSON number as a double). A rate it needs that is missing is never guessed.
/// </summary>
public static class QuoteCalculator
{
    /// <summary>Prices <paramref name="inputs"/>, or names what is missing.</summary>
    /// <param name="inputs">The plan, stock, quantities, cooperation and rates.</param>
    public static QuotePricing Price(QuoteInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (QuoteRequest.CheckQuantities(inputs.Quantities) is { } quantities)
        {
            return Problem(QuoteProblem.InvalidQuantities, quantities);
        }

        if ((QuoteRequest.CheckCooperation(inputs.Cooperation) ?? ExternalCentres(inputs)) is { } cooperation)
        {
            return Problem(QuoteProblem.InvalidCooperation, cooperation);
        }

        if (StockWeight.TryVolume(inputs.Stock, out var volume, out var shape) is { } stock)
        {
            return Problem(QuoteProblem.NoStock, stock);
        }

        if (string.IsNullOrWhiteSpace(inputs.MaterialGroup))
        {
            return Problem(QuoteProblem.NoMaterialGroup, "The features name no material group, so the stock has no price; an estimator can enter it with the features.");
        }

        var centres = Centres(inputs.Rates);
        var material = MaterialOf(inputs.Rates, inputs.MaterialGroup, shape);
        var missing = MissingRates(inputs.Operations, centres, material, inputs.MaterialGroup, shape);
        if (missing.Count > 0)
        {
            return new QuotePricing(null, new QuoteProblem(
                QuoteProblem.RatesMissing,
                $"No rates for {string.Join("; ", missing.Select(m => m.Text))}. Nothing is priced without them: an admin sets them with PUT /api/rates or timevision rates set.")
            {
                Params = MissingParams(missing, inputs.MaterialGroup),
            });
        }

        return new QuotePricing(QuoteOf(inputs, centres, material!, volume, shape), null);
    }

    private static Quote QuoteOf(QuoteInputs inputs, Dictionary<string, WorkCentre> centres, MaterialRate material, decimal volume, StockShape shape)
    {
        var k = inputs.Rates.Coefficients;
        var operations = inputs.Operations.Select(o => Quoted(o, centres[o.WorkCentre], k)).ToList();
        var weight = volume * material.DensityKgPerDm3;
        var stock = inputs.Stock!;
        return new Quote
        {
            DocumentId = inputs.DocumentId,
            Currency = inputs.Rates.Currency,
            Part = inputs.Part,
            Stock = new QuoteStock
            {
                MaterialGroup = inputs.MaterialGroup!, Shape = shape, DiameterMm = stock.DiameterMm, InnerDiameterMm = stock.InnerDiameterMm, LengthMm = stock.LengthMm,
                WidthMm = stock.WidthMm, HeightMm = stock.HeightMm, VolumeDm3 = Mass(volume), DensityKgPerDm3 = material.DensityKgPerDm3, WeightKg = Mass(weight),
            },
            Operations = operations,
            Cooperation = inputs.Cooperation,
            Batches = [.. inputs.Quantities.Select(q => Batch(q, operations, weight, material, inputs.Cooperation, k))],
            Coefficients = k,
            RatesVersion = inputs.Rates.Version ?? "unversioned",
            PlanVersion = inputs.PlanVersion,
            CuttingDataVersion = inputs.CuttingDataVersion,
            WorkCentresVersion = inputs.WorkCentresVersion,
        };
    }

    private static QuoteBatch Batch(
        int quantity, IReadOnlyList<QuotedOperation> operations, decimal weightKg, MaterialRate material, IReadOnlyList<CooperationLine> cooperation, PricingCoefficients k)
    {
        var q = (decimal)quantity;
        var scrap = 1 + (k.ScrapPercent / 100);
        var setup = operations.Sum(o => (decimal)o.SetupMin / 60 * o.SetupRatePerHour);
        var run = operations.Sum(o => q * (decimal)o.CycleMin / 60 / k.Ke * o.RunRatePerHour);
        var machine = (setup + run) * scrap * k.Overhead * k.Margin;
        var batchWeight = weightKg * q;
        var tier = material.PriceTiers.Where(t => t.MinKg <= batchWeight).MaxBy(t => t.MinKg)!;
        var materialCost = weightKg * tier.PricePerKg * k.Stock * q * scrap;
        var cooperationCost = cooperation.Sum(line => Math.Max(line.PricePerPiece * k.Coop * q, line.MinPrice));
        var total = machine + materialCost + cooperationCost;
        return new QuoteBatch
        {
            Quantity = quantity, MachineCost = Money(machine), MaterialCost = Money(materialCost), CooperationCost = Money(cooperationCost), Total = Money(total),
            UnitPrice = Money(total / q), BatchWeightKg = Mass(batchWeight), PricePerKg = tier.PricePerKg,
        };
    }

    private static QuotedOperation Quoted(PlannedStep step, WorkCentre centre, PricingCoefficients k)
    {
        var (depreciation, labour, tools, overhead) = ((decimal)centre.DepreciationPerHour!, (decimal)centre.LabourPerHour!, (decimal)centre.ToolsPerHour!, (decimal)centre.OverheadPerHour!);
        return new QuotedOperation
        {
            Sequence = step.Sequence, WorkCentre = step.WorkCentre, WorkCentreName = centre.Name, Kind = step.Kind, SetupMin = step.SetupMin, CycleMin = step.CycleMin,
            SetupRatePerHour = depreciation + labour + overhead,
            RunRatePerHour = depreciation + tools + overhead + (k.Ko * labour),
        };
    }

    private static List<MissingRate> MissingRates(
        IReadOnlyList<PlannedStep> operations, Dictionary<string, WorkCentre> centres, MaterialRate? material, string group, StockShape shape)
    {
        var missing = new List<MissingRate>();
        foreach (var id in operations.Select(o => o.WorkCentre).Distinct(StringComparer.Ordinal))
        {
            if (!centres.TryGetValue(id, out var centre))
            {
                missing.Add(id == WorkCentreChooser.None
                    ? new MissingRate("an operation planned on no work centre (the plan's work centres had none of its kind)", null, MissingKind.NoCentre)
                    : new MissingRate($"work centre {id} (not in the rates)", id, MissingKind.Centre));
                continue;
            }

            (string Name, double? Value)[] parts =
                [("depreciationPerHour", centre.DepreciationPerHour), ("labourPerHour", centre.LabourPerHour), ("toolsPerHour", centre.ToolsPerHour), ("overheadPerHour", centre.OverheadPerHour)];
            var absent = parts.Where(p => p.Value is null).Select(p => p.Name).ToList();
            if (absent.Count > 0)
            {
                var named = centre.Name is { } name ? $"{id} ({name})" : id;
                missing.Add(new MissingRate($"work centre {named}: {string.Join(", ", absent)}", named, MissingKind.Centre));
            }
        }

        if (material is null)
        {
            missing.Add(new MissingRate($"material {group} ({Json.JsonCode.Of(shape)} stock): no density and price tiers", null, MissingKind.Material));
        }
        else if (!material.PriceTiers.Any(t => t.MinKg <= 0))
        {
            missing.Add(new MissingRate($"material {group}: no price tier from 0 kg", null, MissingKind.Material));
        }

        return missing;
    }

    /// <summary>
    /// What is missing as a page words it: <c>centres</c> by id and name, <c>unplaced</c> when an operation has no
    /// centre, and the material <c>group</c> when its rates are missing.
    /// </summary>
    private static Dictionary<string, string> MissingParams(List<MissingRate> missing, string group)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var centres = missing.Where(m => m.Centre is not null).Select(m => m.Centre!).ToList();
        if (centres.Count > 0)
        {
            values["centres"] = string.Join(", ", centres);
        }

        if (missing.Any(m => m.Kind == MissingKind.NoCentre))
        {
            values["unplaced"] = "true";
        }

        if (missing.Any(m => m.Kind == MissingKind.Material))
        {
            values["group"] = group;
        }

        return values;
    }

    private static string? ExternalCentres(QuoteInputs inputs)
    {
        var centres = Centres(inputs.Rates);
        for (var i = 0; i < inputs.Cooperation.Count; i++)
        {
            if (inputs.Cooperation[i].WorkCentre is { } id && !(centres.TryGetValue(id, out var centre) && centre.Kind == WorkCentreKind.External))
            {
                return string.Create(CultureInfo.InvariantCulture, $"field $.cooperation[{i}].workCentre: '{id}' is not an external work centre of the rates.");
            }
        }

        return null;
    }

    /// <summary>The row for the group and shape, else the group's row without a shape.</summary>
    internal static MaterialRate? MaterialOf(ShopRates rates, string group, StockShape shape) =>
        rates.Materials.FirstOrDefault(m => m.Group == group && m.Shape == shape) ?? rates.Materials.FirstOrDefault(m => m.Group == group && m.Shape is null);

    private static Dictionary<string, WorkCentre> Centres(ShopRates rates) =>
        rates.WorkCentres.GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    private static decimal Money(decimal amount) => Trimmed(Math.Round(amount, 6, MidpointRounding.ToEven));

    private static decimal Mass(decimal amount) => Trimmed(Math.Round(amount, 9, MidpointRounding.ToEven));

    // 1137.500000 and 1137.5 are the same decimal; written as JSON, the shorter reads better.
    private static decimal Trimmed(decimal value) => value / 1.0000000000000000000000000000m;

    private static QuotePricing Problem(string code, string message) => new(null, new QuoteProblem(code, message));

    /// <summary>One missing rate: the sentence naming it, what it is, and its work centre by id and name.</summary>
    private sealed record MissingRate(string Text, string? Centre, MissingKind Kind);

    private enum MissingKind
    {
        Centre,
        NoCentre,
        Material,
    }
}
