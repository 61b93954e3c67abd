using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Core.Tests.ProcessPlanning;

/// <summary>
/// Each formula on a hand-worked case: the expected minutes are worked out here from the published formulas
/// (Mitsubishi, ISCAR, Kyocera; ../shared/cutting-data-sources.md) and the shop's structural-steel cutting data
/// (Vc milling 160, fz 0.1, ap 2; drilling 90 / 0.2; turning 220 / 0.25 / 2.5; …), not read back from the engine.
/// </summary>
public sealed class FormulaTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void Face_milling_travels_length_plus_cutter_diameter_in_depth_passes()
    {
        var plan = Plans.Of("steel", new MachiningFeature
        {
            Id = "f", Type = FeatureType.FaceMilling, LengthMm = 100, WidthMm = 30, DepthMm = 4, Tool = new FeatureTool { DiameterMm = 50, Teeth = 5 },
        });

        var vf = 0.1 * 5 * Plans.Rpm(160, 50);       // vf = fz·z·n
        var expected = 2 * 1 * (100 + 50) / vf;        // ⌈4/2⌉ passes, width 30 ≤ 0.75·50: one path
        Assert.Equal(expected, Plans.Line(plan, "f").CuttingMin, Tolerance);
    }

    [Fact]
    public void Face_milling_wider_than_three_quarters_of_the_cutter_takes_more_paths()
    {
        var plan = Plans.Of("steel", new MachiningFeature
        {
            Id = "f", Type = FeatureType.FaceMilling, LengthMm = 100, WidthMm = 80, DepthMm = 2, Tool = new FeatureTool { DiameterMm = 50, Teeth = 5 },
        });

        var vf = 0.1 * 5 * Plans.Rpm(160, 50);
        Assert.Equal(3 * 150 / vf, Plans.Line(plan, "f").CuttingMin, Tolerance); // ⌈80/37.5⌉ = 3 paths
    }

    [Fact]
    public void Slot_milling_uses_an_end_mill_as_wide_as_the_slot()
    {
        var plan = Plans.Of("steel", new MachiningFeature { Id = "s", Type = FeatureType.SlotMilling, LengthMm = 40, WidthMm = 10, DepthMm = 5 });

        var vf = 0.1 * 3 * Plans.Rpm(160, 10);         // Ø10, 3 teeth (the shop's tool)
        Assert.Equal(3 * 40 / vf, Plans.Line(plan, "s").CuttingMin, Tolerance); // ⌈5/2⌉ passes
    }

    [Fact]
    public void Pocket_milling_travels_area_over_stepover_plus_the_outline()
    {
        var plan = Plans.Of("steel", new MachiningFeature { Id = "p", Type = FeatureType.PocketMilling, LengthMm = 60, WidthMm = 40, DepthMm = 8 });

        var d = 20.0;                                  // largest end mill ≤ 0.5·40
        var travel = (60 * 40 / (0.5 * d)) + (2 * (60 + 40));
        var vf = 0.1 * 3 * Plans.Rpm(160, d);
        Assert.Equal(4 * travel / vf, Plans.Line(plan, "p").CuttingMin, Tolerance);
    }

    [Fact]
    public void Contour_milling_travels_its_path_and_a_given_travel_replaces_it()
    {
        var plan = Plans.Of(
            "steel",
            new MachiningFeature { Id = "c", Type = FeatureType.ContourMilling, LengthMm = 200, DepthMm = 6 },
            new MachiningFeature { Id = "t", Type = FeatureType.ContourMilling, LengthMm = 200, DepthMm = 6, TravelMm = 260 });

        var vf = 0.1 * 3 * Plans.Rpm(160, 10);
        Assert.Equal(3 * 200 / vf, Plans.Line(plan, "c").CuttingMin, Tolerance);
        Assert.Equal(3 * 260 / vf, Plans.Line(plan, "t").CuttingMin, Tolerance);
    }

    [Fact]
    public void A_blind_hole_adds_one_millimetre_of_clearance_and_a_through_hole_the_point_too()
    {
        var plan = Plans.Of(
            "steel",
            new MachiningFeature { Id = "blind", Type = FeatureType.Drilling, Count = 4, DiameterMm = 6.8, DepthMm = 15 },
            new MachiningFeature { Id = "through", Type = FeatureType.Drilling, DiameterMm = 10, DepthMm = 30, Through = true },
            new MachiningFeature { Id = "given", Type = FeatureType.Drilling, DiameterMm = 10, DepthMm = 30, Through = true, ApproachMm = 2.5 });

        Assert.Equal(4 * (15 + 1) / (0.2 * Plans.Rpm(90, 6.8)), Plans.Line(plan, "blind").CuttingMin, Tolerance);
        Assert.Equal((30 + 1 + (0.3 * 10)) / (0.2 * Plans.Rpm(90, 10)), Plans.Line(plan, "through").CuttingMin, Tolerance);
        Assert.Equal((30 + 2.5) / (0.2 * Plans.Rpm(90, 10)), Plans.Line(plan, "given").CuttingMin, Tolerance);
    }

    [Fact]
    public void Reaming_and_boring_take_their_own_speeds_and_feeds()
    {
        var plan = Plans.Of(
            "steel",
            new MachiningFeature { Id = "r", Type = FeatureType.Reaming, DiameterMm = 8, DepthMm = 20 },
            new MachiningFeature { Id = "b", Type = FeatureType.Boring, DiameterMm = 30, DepthMm = 20 });

        Assert.Equal(21 / (0.12 * Plans.Rpm(36, 8)), Plans.Line(plan, "r").CuttingMin, Tolerance);   // reaming 36 / 0.12
        Assert.Equal(21 / (0.087 * Plans.Rpm(253, 30)), Plans.Line(plan, "b").CuttingMin, Tolerance); // finish turning 253 / 0.087
    }

    [Fact]
    public void Tapping_goes_in_and_out_at_the_pitch()
    {
        var plan = Plans.Of("steel", new MachiningFeature { Id = "t", Type = FeatureType.Tapping, Count = 4, Thread = "M8", DepthMm = 12 });

        var n = Plans.Rpm(16.8, 8);                    // HSS tap, plain carbon steel (Clarkson-Osborn 50–60 SFM)
        Assert.Equal(4 * 2 * 12 / (1.25 * n), Plans.Line(plan, "t").CuttingMin, Tolerance); // M8 coarse pitch 1.25
    }

    [Fact]
    public void Turning_takes_passes_of_ap_each_over_the_length_plus_approach()
    {
        var plan = Plans.Of("steel", new MachiningFeature { Id = "t", Type = FeatureType.Turning, DiameterFromMm = 50, DiameterToMm = 40, LengthMm = 60 });

        var passes = Math.Ceiling((50 - 40) / (2 * 2.5));
        Assert.Equal(passes * (60 + 1) / (0.25 * Plans.Rpm(220, 50)), Plans.Line(plan, "t").CuttingMin, Tolerance);
    }

    [Fact]
    public void Facing_at_constant_speed_crosses_half_the_diameter_difference()
    {
        var plan = Plans.Of("steel", new MachiningFeature { Id = "f", Type = FeatureType.Facing, DiameterFromMm = 50, DiameterToMm = 10 });

        Assert.Equal((50 - 10) / 2.0 / (0.25 * Plans.Rpm(220, 50)), Plans.Line(plan, "f").CuttingMin, Tolerance);
    }

    [Fact]
    public void Grooving_parting_and_thread_turning_follow_the_feed_rules()
    {
        var plan = Plans.Of(
            "steel",
            new MachiningFeature { Id = "g", Type = FeatureType.Grooving, DiameterMm = 40, WidthMm = 6, DepthMm = 2 },
            new MachiningFeature { Id = "p", Type = FeatureType.Parting, DiameterMm = 40 },
            new MachiningFeature { Id = "t", Type = FeatureType.ThreadTurning, Thread = "M20", LengthMm = 30 });

        Assert.Equal(2 * (2 + 1) / (0.08 * Plans.Rpm(130, 40)), Plans.Line(plan, "g").CuttingMin, Tolerance); // two 3 mm plunges
        Assert.Equal((20 + 1) / (0.06 * Plans.Rpm(100, 40)), Plans.Line(plan, "p").CuttingMin, Tolerance);
        Assert.Equal(5 * (30 + 1) / (2.5 * Plans.Rpm(80, 20)), Plans.Line(plan, "t").CuttingMin, Tolerance); // 5 passes, P 2.5
    }

    [Fact]
    public void Chamfers_come_from_the_table_by_size_and_count()
    {
        var plan = Plans.Of(
            "steel",
            new MachiningFeature { Id = "small", Type = FeatureType.Chamfer, Count = 4, LengthMm = 1 },
            new MachiningFeature { Id = "large", Type = FeatureType.Chamfer, Count = 2, LengthMm = 3 });

        Assert.Equal(4 * 0.05, Plans.Line(plan, "small").CuttingMin, Tolerance);
        Assert.Equal(2 * 0.1, Plans.Line(plan, "large").CuttingMin, Tolerance);
    }

    [Fact]
    public void The_stock_is_sawn_at_the_groups_saw_feed()
    {
        var plan = Plans.Of(new FeatureSet
        {
            MaterialGroup = "steel",
            Stock = new Stock { Shape = StockShape.Bar, DiameterMm = 50, LengthMm = 80 },
            Features = [new MachiningFeature { Id = "t", Type = FeatureType.Turning, DiameterToMm = 45, LengthMm = 30 }],
        });

        Assert.Equal(50 / 71.0, Plans.Line(plan, "stock").CuttingMin, Tolerance);
    }

    [Fact]
    public void Setup_per_clamping_is_the_base_plus_minutes_per_tool()
    {
        var plan = Plans.Of(
            "steel",
            new MachiningFeature { Id = "f", Type = FeatureType.FaceMilling, LengthMm = 100, WidthMm = 30 },
            new MachiningFeature { Id = "d", Type = FeatureType.Drilling, DiameterMm = 6.8, DepthMm = 15 },
            new MachiningFeature { Id = "t", Type = FeatureType.Tapping, Thread = "M8" });

        var clamping = plan.Operations.Where(o => o.Kind is OperationKind.Milling or OperationKind.Drilling).ToList();
        Assert.Single(clamping.Select(o => o.Clamping).Distinct());
        Assert.Equal(30 + (3 * 3), clamping.Sum(o => o.SetupMin), Tolerance); // the mill's base 30 + 3 min × 3 tools
    }

    [Fact]
    public void An_operations_cycle_is_cutting_plus_tool_changes_rapids_and_load_unload()
    {
        var plan = Plans.Of("steel", new MachiningFeature { Id = "d", Type = FeatureType.Drilling, Count = 4, DiameterMm = 6.8, DepthMm = 15 });

        var drilling = Plans.Operation(plan, OperationKind.Drilling);
        var expected = (1 * 0.1) + (4 * 100 / (30 * 1000.0)) + 1.0; // 1 tool change, 4 × 100 mm at 30 m/min, load/unload on the mill
        Assert.Equal(expected, drilling.NonCuttingMin, Tolerance);
        Assert.Equal(drilling.CuttingMin + expected, drilling.CycleMin, Tolerance);
    }
}
