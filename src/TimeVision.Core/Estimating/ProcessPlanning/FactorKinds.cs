namespace TimeVision.Core.Estimating.ProcessPlanning;

/// <summary>
/// The engine's minutes of a plan per <see cref="FactorKind"/>: what the shop's factors multiply, and what a
/// calibration fits them on. A drilling operation's tapping lines count as <see cref="FactorKind.Tapping"/> (their
/// cutting minutes); the rest of every operation, its non-cutting minutes too, as its own kind. Setup goes by operation kind.
/// </summary>
public static class FactorKinds
{
    /// <summary>The factor kind of an operation's setup and of its minutes other than tapping.</summary>
    /// <param name="kind">The operation's kind.</param>
    public static FactorKind Of(OperationKind kind) => kind switch
    {
        OperationKind.Sawing => FactorKind.Sawing,
        OperationKind.Turning => FactorKind.Turning,
        OperationKind.Milling => FactorKind.Milling,
        OperationKind.Drilling => FactorKind.Drilling,
        OperationKind.Deburring => FactorKind.Deburring,
        _ => FactorKind.Inspection,
    };

    /// <summary>The factor kind of one line: tapping for a tapping line, else its operation's.</summary>
    /// <param name="operation">The line's operation.</param>
    /// <param name="line">The line.</param>
    public static FactorKind Of(PlannedOperation operation, PlanLine line)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(line);
        return line.Type == FeatureType.Tapping ? FactorKind.Tapping : Of(operation.Kind);
    }

    /// <summary>Minutes per piece by factor kind (kinds with none are absent).</summary>
    /// <param name="plan">The engine's plan.</param>
    public static IReadOnlyDictionary<FactorKind, double> CycleMinutes(ProcessPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var minutes = new Dictionary<FactorKind, double>();
        foreach (var operation in plan.Operations)
        {
            var tapping = TappingMin(operation);
            Add(minutes, FactorKind.Tapping, tapping);
            Add(minutes, Of(operation.Kind), operation.CycleMin - tapping);
        }

        return minutes;
    }

    /// <summary>Setup minutes per batch by factor kind (kinds with none are absent).</summary>
    /// <param name="plan">The engine's plan.</param>
    public static IReadOnlyDictionary<FactorKind, double> SetupMinutes(ProcessPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var minutes = new Dictionary<FactorKind, double>();
        foreach (var operation in plan.Operations)
        {
            Add(minutes, Of(operation.Kind), operation.SetupMin);
        }

        return minutes;
    }

    /// <summary>The cutting minutes of an operation's tapping lines.</summary>
    internal static double TappingMin(PlannedOperation operation) =>
        operation.Lines.Where(l => l.Type == FeatureType.Tapping).Sum(l => l.CuttingMin);

    private static void Add(Dictionary<FactorKind, double> minutes, FactorKind kind, double value)
    {
        if (value > 0)
        {
            minutes[kind] = minutes.GetValueOrDefault(kind) + value;
        }
    }
}
