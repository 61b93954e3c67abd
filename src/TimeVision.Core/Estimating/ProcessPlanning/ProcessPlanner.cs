namespace TimeVision.Core.Estimating.ProcessPlanning;

/// <summary>
/// The process-time engine: times every feature by its published formula and routes the part — saw from stock,
/// turning and/or milling by clamping, drilling and tapping in the clamping of the machine that holds the part,
/// deburring, inspection — on the smallest work centre that fits. Pure and deterministic: the same features, cutting
/// data and work centres give the same plan.
/// </summary>
/// <param name="cutting">The cutting data (defaults with any shop override).</param>
/// <param name="centres">The work centres.</param>
public sealed class ProcessPlanner(CuttingDataTable cutting, WorkCentreList centres)
{
    /// <summary>Plans <paramref name="features"/>.</summary>
    public ProcessPlan Plan(FeatureSet features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var context = new PlanContext(features, cutting);
        var timed = features.Features.Select((f, i) => FeatureTimer.Time(f, f.Id ?? $"f{i + 1}", context)).ToList();
        var routing = new Routing(context, new WorkCentreChooser(centres, context), PartTypeOf(features, timed, context));
        var operations = routing.Build(timed);
        return new ProcessPlan
        {
            Operations = operations,
            SetupMin = operations.Sum(o => o.SetupMin),
            CycleMin = operations.Sum(o => o.CycleMin),
            CuttingMin = operations.Sum(o => o.CuttingMin),
            CuttingDataVersion = cutting.Version,
            DefaultsUsed = context.DefaultsUsed,
        };
    }

    private static PartType PartTypeOf(FeatureSet features, List<TimedFeature> timed, PlanContext context)
    {
        if (features.PartType is { } given)
        {
            return given;
        }

        var turned = timed.Any(t => t.Kind == OperationKind.Turning) || features.Stock?.Shape is StockShape.Bar or StockShape.Tube;
        var milled = timed.Any(t => t.Kind == OperationKind.Milling);
        var type = turned ? (milled ? PartType.Combined : PartType.Rotational) : PartType.Prismatic;
        context.Note(DefaultReasons.Line("part", "partType", Json.JsonCode.Of(type), DefaultReasons.FromFeaturesAndStock));
        return type;
    }
}
