using System.Text.Json;
using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Core.Tests.ProcessPlanning;

/// <summary>The shop's factors on a plan: every line shows its factor, tapping its own, and the calibrated minutes follow from them.</summary>
public sealed class OperationFactorsTests
{
    private static readonly FeatureSet Part = new()
    {
        PartType = PartType.Prismatic,
        MaterialGroup = "steel",
        Stock = new Stock { Shape = StockShape.Block, LengthMm = 120, WidthMm = 80, HeightMm = 30 },
        Features =
        [
            new() { Id = "f1", Type = FeatureType.FaceMilling, LengthMm = 120, WidthMm = 80, DepthMm = 2 },
            new() { Id = "f2", Type = FeatureType.Drilling, Count = 4, DiameterMm = 6.8, DepthMm = 15 },
            new() { Id = "f3", Type = FeatureType.Tapping, Count = 4, Thread = "M8", DepthMm = 12 },
            new() { Id = "f4", Type = FeatureType.Chamfer, Count = 4, LengthMm = 1 },
        ],
    };

    private static readonly OperationFactors Factors = new()
    {
        Calibration = "engine test-1",
        Setup = new Dictionary<FactorKind, double> { [FactorKind.Milling] = 1.2 },
        Cycle = new Dictionary<FactorKind, double> { [FactorKind.Milling] = 1.5, [FactorKind.Drilling] = 0.8, [FactorKind.Tapping] = 2 },
    };

    [Fact]
    public void Each_line_shows_its_kinds_factor_with_tapping_apart_from_the_drilling_around_it()
    {
        var plan = Factors.Apply(Plans.Of(Part));

        Assert.Equal((1.5, 0.8, 2.0, 1.0), (Plans.Line(plan, "f1").Factor, Plans.Line(plan, "f2").Factor, Plans.Line(plan, "f3").Factor, Plans.Line(plan, "f4").Factor));
        var drilling = Plans.Operation(plan, OperationKind.Drilling);
        Assert.Equal((1.0, 0.8), (drilling.SetupFactor, drilling.CycleFactor));
        Assert.Equal((1.2, 1.5), (Plans.Operation(plan, OperationKind.Milling).SetupFactor, Plans.Operation(plan, OperationKind.Milling).CycleFactor));
        Assert.Equal("engine test-1", plan.Calibration);
    }

    [Fact]
    public void The_calibrated_minutes_add_each_kinds_minutes_times_its_factor_and_the_engines_own_stay()
    {
        var engine = Plans.Of(Part);
        var plan = Factors.Apply(engine);

        var drilling = Plans.Operation(plan, OperationKind.Drilling);
        var tapping = Plans.Line(plan, "f3").CuttingMin;
        Assert.Equal((0.8 * (drilling.CycleMin - tapping)) + (2 * tapping), drilling.CalibratedCycleMin!.Value, precision: 9);
        Assert.Equal(1.2 * Plans.Operation(plan, OperationKind.Milling).SetupMin, Plans.Operation(plan, OperationKind.Milling).CalibratedSetupMin!.Value, precision: 9);
        Assert.Equal(plan.Operations.Sum(o => o.CalibratedCycleMin!.Value), plan.CalibratedCycleMin!.Value, precision: 9);
        Assert.Equal(plan.CalibratedSetupMin + (50 * plan.CalibratedCycleMin), plan.CalibratedBatchMin(50));
        Assert.Equal((engine.SetupMin, engine.CycleMin, engine.BatchMin(50)), (plan.SetupMin, plan.CycleMin, plan.BatchMin(50)));
    }

    [Fact]
    public void The_plans_json_carries_the_factors_only_when_calibrated()
    {
        var plain = JsonSerializer.Serialize(Plans.Of(Part), PlanningJson.Options);
        var calibrated = JsonSerializer.SerializeToNode(Factors.Apply(Plans.Of(Part)), PlanningJson.Options)!;

        Assert.DoesNotContain("factor", plain, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("calibrat", plain, StringComparison.OrdinalIgnoreCase);
        var drilling = calibrated["operations"]!.AsArray().Single(o => o!["kind"]!.GetValue<string>() == "drilling")!;
        Assert.Equal(2.0, drilling["lines"]!.AsArray().Single(l => l!["type"]!.GetValue<string>() == "tapping")!["factor"]!.GetValue<double>());
        Assert.Equal(0.8, drilling["cycleFactor"]!.GetValue<double>());
        Assert.Equal("engine test-1", calibrated["calibration"]!.GetValue<string>());
    }

    [Fact]
    public void The_engines_minutes_by_kind_put_tapping_lines_apart_and_add_up_to_the_plan()
    {
        var plan = Plans.Of(Part);

        var cycle = FactorKinds.CycleMinutes(plan);
        var setup = FactorKinds.SetupMinutes(plan);

        Assert.Equal(Plans.Line(plan, "f3").CuttingMin, cycle[FactorKind.Tapping]);
        Assert.Equal(plan.CycleMin, cycle.Values.Sum(), precision: 9);
        Assert.Equal(plan.SetupMin, setup.Values.Sum(), precision: 9);
        Assert.DoesNotContain(FactorKind.Tapping, setup.Keys);
    }
}
