using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Core.Tests.ProcessPlanning;

/// <summary>Plans with the shipped defaults, and finds a feature's line in a plan.</summary>
internal static class Plans
{
    public static ProcessPlan Of(FeatureSet set) => new ProcessPlanner(PlanningData.DefaultCutting, PlanningData.DefaultCentres).Plan(set);

    public static ProcessPlan Of(string group, params MachiningFeature[] features) =>
        Of(new FeatureSet { MaterialGroup = group, Features = features });

    public static PlanLine Line(ProcessPlan plan, string featureId) =>
        plan.Operations.SelectMany(o => o.Lines).Single(l => l.FeatureId == featureId);

    public static PlannedOperation Operation(ProcessPlan plan, OperationKind kind) => plan.Operations.Single(o => o.Kind == kind);

    /// <summary>n = 1000·Vc/(π·D), as the tool makers state it.</summary>
    public static double Rpm(double vc, double d) => 1000 * vc / (Math.PI * d);
}
