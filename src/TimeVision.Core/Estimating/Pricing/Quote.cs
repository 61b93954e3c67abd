using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Core.Estimating.Pricing;

/// <summary>
/// A stored estimate's price for each batch quantity, with everything it was computed from, the contract of
/// <c>timevision quote --json</c> and <c>GET /api/estimates/{id}/quote</c> (camelCase; <c>src/docs/quote.md</c>). Money
/// is unrounded: a renderer (the text summary, a CSV or PDF) rounds to 0.01 when it shows it.
/// </summary>
public sealed record Quote
{
    /// <summary>The estimate's document id.</summary>
    public required string DocumentId { get; init; }

    /// <summary>The currency of every amount.</summary>
    public required string Currency { get; init; }

    /// <summary>The part as its drawing names it.</summary>
    public required QuotePart Part { get; init; }

    /// <summary>The stock, its weight per piece and what it was computed from.</summary>
    public required QuoteStock Stock { get; init; }

    /// <summary>The plan's operations with their minutes and the hourly rates they are charged at.</summary>
    public required IReadOnlyList<QuotedOperation> Operations { get; init; }

    /// <summary>Outsourced operations, priced per piece.</summary>
    public IReadOnlyList<CooperationLine> Cooperation { get; init; } = [];

    /// <summary>One price per batch quantity, in the order asked.</summary>
    public required IReadOnlyList<QuoteBatch> Batches { get; init; }

    /// <summary>The coefficients applied.</summary>
    public required PricingCoefficients Coefficients { get; init; }

    /// <summary>The rates' version (<see cref="ShopRates.Version"/>).</summary>
    public required string RatesVersion { get; init; }

    /// <summary>The plan's version: the features version it was made from (a plan is made again with every new one).</summary>
    public required int PlanVersion { get; init; }

    /// <summary>The cutting data's version the plan used.</summary>
    public string? CuttingDataVersion { get; init; }

    /// <summary>The work centres' version the plan used.</summary>
    public string? WorkCentresVersion { get; init; }
}

/// <summary>The part a quote prices, as the estimate read it.</summary>
/// <param name="DrawingNumber">The drawing number, if read.</param>
/// <param name="Name">The part name, if read.</param>
/// <param name="Material">The material as written on the drawing, if read.</param>
public sealed record QuotePart(string? DrawingNumber, string? Name, string? Material);

/// <summary>The stock of one piece: shape and sizes, volume, density and weight.</summary>
public sealed record QuoteStock
{
    /// <summary>The material group the price is looked up by.</summary>
    public required string MaterialGroup { get; init; }

    /// <summary>Bar, plate, block or tube.</summary>
    public required StockShape Shape { get; init; }

    /// <summary>Outside diameter of a bar or tube.</summary>
    public double? DiameterMm { get; init; }

    /// <summary>Bore of a tube.</summary>
    public double? InnerDiameterMm { get; init; }

    /// <summary>Length.</summary>
    public double? LengthMm { get; init; }

    /// <summary>Width of a plate or block.</summary>
    public double? WidthMm { get; init; }

    /// <summary>Height of a plate or block.</summary>
    public double? HeightMm { get; init; }

    /// <summary>Volume of one piece's stock, dm³.</summary>
    public required decimal VolumeDm3 { get; init; }

    /// <summary>Density, kg/dm³.</summary>
    public required decimal DensityKgPerDm3 { get; init; }

    /// <summary>Stock weight of one piece, kg.</summary>
    public required decimal WeightKg { get; init; }
}

/// <summary>One operation as priced.</summary>
public sealed record QuotedOperation
{
    /// <summary>The plan's sequence number.</summary>
    public required int Sequence { get; init; }

    /// <summary>The work centre's id.</summary>
    public required string WorkCentre { get; init; }

    /// <summary>The work centre's name, when it has one.</summary>
    public string? WorkCentreName { get; init; }

    /// <summary>What the operation does.</summary>
    public required OperationKind Kind { get; init; }

    /// <summary>Setup minutes per batch.</summary>
    public required double SetupMin { get; init; }

    /// <summary>Minutes per piece.</summary>
    public required double CycleMin { get; init; }

    /// <summary>Setup is charged at depreciation + labour + overhead per hour.</summary>
    public required decimal SetupRatePerHour { get; init; }

    /// <summary>The run is charged at depreciation + tools + overhead + ko × labour per hour, for cycleMin / ke.</summary>
    public required decimal RunRatePerHour { get; init; }
}

/// <summary>An outsourced operation (heat treatment, plating, …), priced per piece by its supplier.</summary>
public sealed record CooperationLine
{
    /// <summary>What is outsourced.</summary>
    public required string Name { get; init; }

    /// <summary>The external work centre it is routed through, if named (it must be one of the rates' <c>external</c> centres).</summary>
    public string? WorkCentre { get; init; }

    /// <summary>The supplier's price per piece.</summary>
    public required decimal PricePerPiece { get; init; }

    /// <summary>The least the line costs a batch, however few pieces.</summary>
    public decimal MinPrice { get; init; }
}

/// <summary>The price of one batch.</summary>
public sealed record QuoteBatch
{
    /// <summary>Pieces in the batch.</summary>
    public required int Quantity { get; init; }

    /// <summary>Setup and run on the work centres, with scrap, overhead and margin.</summary>
    public required decimal MachineCost { get; init; }

    /// <summary>Stock, with the stock coefficient and scrap.</summary>
    public required decimal MaterialCost { get; init; }

    /// <summary>Outsourced operations, with the coop coefficient, each at least its minimum.</summary>
    public required decimal CooperationCost { get; init; }

    /// <summary>Machine + material + cooperation.</summary>
    public required decimal Total { get; init; }

    /// <summary>Total / quantity.</summary>
    public required decimal UnitPrice { get; init; }

    /// <summary>The batch's stock weight (weight per piece × quantity), which chooses the price tier.</summary>
    public required decimal BatchWeightKg { get; init; }

    /// <summary>The tier's price per kilogram.</summary>
    public required decimal PricePerKg { get; init; }
}
