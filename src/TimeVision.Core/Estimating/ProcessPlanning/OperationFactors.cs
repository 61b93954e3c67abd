namespace TimeVision.Core.Estimating.ProcessPlanning;

/// <summary>
/// The shop's factors on the engine's minutes, per <see cref="FactorKind"/>, for setup and for the minutes per piece,
/// as a calibration learned them from the shop's real times: a calibrated minute is the factor times the engine's. A
/// kind the calibration has no factor for keeps 1, the engine as published.
/// </summary>
public sealed record OperationFactors
{
    /// <summary>What a plan records as its calibration, e.g. <c>engine 20261201T101500Z-3fa9c2d1</c>.</summary>
    public required string Calibration { get; init; }

    /// <summary>The factor on each kind's setup minutes.</summary>
    public required IReadOnlyDictionary<FactorKind, double> Setup { get; init; }

    /// <summary>The factor on each kind's minutes per piece.</summary>
    public required IReadOnlyDictionary<FactorKind, double> Cycle { get; init; }

    /// <summary>The setup factor of <paramref name="kind"/>; 1 when it has none.</summary>
    /// <param name="kind">The kind.</param>
    public double SetupOf(FactorKind kind) => Setup.TryGetValue(kind, out var factor) ? factor : 1;

    /// <summary>The per-piece factor of <paramref name="kind"/>; 1 when it has none.</summary>
    /// <param name="kind">The kind.</param>
    public double CycleOf(FactorKind kind) => Cycle.TryGetValue(kind, out var factor) ? factor : 1;

    /// <summary>
    /// <paramref name="plan"/> with the factors shown: each line its factor, each operation its setup and cycle factors
    /// and calibrated minutes, and the plan its calibrated totals. The engine's own minutes stay as they were.
    /// </summary>
    /// <param name="plan">The engine's plan.</param>
    public ProcessPlan Apply(ProcessPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var operations = plan.Operations.Select(Apply).ToList();
        return plan with
        {
            Operations = operations,
            Calibration = Calibration,
            CalibratedSetupMin = operations.Sum(o => o.CalibratedSetupMin!.Value),
            CalibratedCycleMin = operations.Sum(o => o.CalibratedCycleMin!.Value),
        };
    }

    private PlannedOperation Apply(PlannedOperation operation)
    {
        var kind = FactorKinds.Of(operation.Kind);
        var lines = operation.Lines.Select(l => l with { Factor = CycleOf(FactorKinds.Of(operation, l)) }).ToList();
        var tapping = FactorKinds.TappingMin(operation);
        var calibratedTapping = lines.Where(l => l.Type == FeatureType.Tapping).Sum(l => l.Factor!.Value * l.CuttingMin);
        return operation with
        {
            Lines = lines,
            SetupFactor = SetupOf(kind),
            CycleFactor = CycleOf(kind),
            CalibratedSetupMin = SetupOf(kind) * operation.SetupMin,
            CalibratedCycleMin = (CycleOf(kind) * (operation.CycleMin - tapping)) + calibratedTapping,
        };
    }
}
