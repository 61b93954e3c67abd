using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Core.Tests.ProcessPlanning;

/// <summary>The routing: the smallest work centre whose limits fit, and operations grouped by clamping.</summary>
public sealed class PlannerChoiceTests
{
    [Theory]
    [InlineData(25, "80000001")]   // MASTURN 32
    [InlineData(100, "80000002")]  // SMARTURN 160
    [InlineData(180, "80000003")]  // NLX 2000 (Ø200, 500 long) before NZX 2000 (Ø200, 600 long)
    public void A_turned_part_goes_to_the_smallest_lathe_it_fits(double diameter, string lathe)
    {
        var plan = Plans.Of(Bar(diameter, 150));

        Assert.Equal(lathe, Plans.Operation(plan, OperationKind.Turning).WorkCentre);
    }

    [Fact]
    public void A_part_too_long_for_the_small_lathes_goes_to_one_that_holds_its_length()
    {
        var plan = Plans.Of(Bar(25, 450));

        Assert.Equal("80000003", Plans.Operation(plan, OperationKind.Turning).WorkCentre); // MASTURN 200 and SMARTURN 400 mm are too short
    }

    [Fact]
    public void A_part_larger_than_every_lathe_takes_the_largest_and_the_plan_says_so()
    {
        var plan = Plans.Of(Bar(300, 150));

        Assert.Equal("80000004", Plans.Operation(plan, OperationKind.Turning).WorkCentre);
        Assert.Contains(plan.DefaultsUsed, d => d.StartsWith("turning: no work centre holds Ø300", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(600, "80000008")]  // MILLTAP 700 + WH3
    [InlineData(720, "80000006")]  // MCV 750
    [InlineData(900, "80000005")]  // FV20, which has no length limit
    public void A_milled_part_goes_to_the_smallest_mill_whose_travel_holds_it(double length, string mill)
    {
        var plan = Plans.Of(new FeatureSet
        {
            MaterialGroup = "steel",
            Stock = new Stock { Shape = StockShape.Block, LengthMm = length, WidthMm = 100, HeightMm = 40 },
            Features = [new MachiningFeature { Id = "f", Type = FeatureType.FaceMilling }],
        });

        Assert.Equal(mill, Plans.Operation(plan, OperationKind.Milling).WorkCentre);
    }

    [Fact]
    public void A_combined_part_is_turned_in_one_clamping_and_milled_and_drilled_in_the_next()
    {
        var plan = Plans.Of(Bar(40, 100) with
        {
            PartType = PartType.Combined,
            Features =
            [
                new MachiningFeature { Id = "t", Type = FeatureType.Turning, DiameterToMm = 35, LengthMm = 60 },
                new MachiningFeature { Id = "s", Type = FeatureType.SlotMilling, WidthMm = 8, LengthMm = 20, DepthMm = 3 },
                new MachiningFeature { Id = "d", Type = FeatureType.Drilling, DiameterMm = 5, DepthMm = 10 },
            ],
        });

        var kinds = plan.Operations.Select(o => (o.Kind, o.Clamping)).ToList();
        Assert.Equal(
            [(OperationKind.Sawing, 1), (OperationKind.Turning, 2), (OperationKind.Milling, 3), (OperationKind.Drilling, 3), (OperationKind.Deburring, 4), (OperationKind.Inspection, 5)],
            kinds);
        Assert.Equal(Plans.Operation(plan, OperationKind.Milling).WorkCentre, Plans.Operation(plan, OperationKind.Drilling).WorkCentre);
        Assert.Equal(3 * 1, Plans.Operation(plan, OperationKind.Drilling).SetupMin); // no second base setup in the same clamping
        Assert.Equal(0.1 + (100 / 30000.0), Plans.Operation(plan, OperationKind.Drilling).NonCuttingMin, 9); // a tool change and rapids, no second load/unload
    }

    [Fact]
    public void A_rotational_part_is_drilled_on_the_lathe_in_the_turning_clamping()
    {
        var plan = Plans.Of(Bar(40, 100) with
        {
            Features =
            [
                new MachiningFeature { Id = "t", Type = FeatureType.Turning, DiameterToMm = 35, LengthMm = 60 },
                new MachiningFeature { Id = "d", Type = FeatureType.Drilling, DiameterMm = 10, DepthMm = 30 },
            ],
        });

        var turning = Plans.Operation(plan, OperationKind.Turning);
        var drilling = Plans.Operation(plan, OperationKind.Drilling);
        Assert.Equal((turning.WorkCentre, turning.Clamping), (drilling.WorkCentre, drilling.Clamping));
        Assert.Contains("part: partType = ROT (from the features and stock)", plan.DefaultsUsed);
    }

    [Fact]
    public void An_inactive_centre_is_not_chosen()
    {
        var centres = PlanningData.DefaultCentres;
        var without = centres with { WorkCentres = centres.WorkCentres.Select(c => c.Id == "80000001" ? c with { Active = false } : c).ToList() };

        var plan = new ProcessPlanner(PlanningData.DefaultCutting, without).Plan(Bar(25, 150));

        Assert.Equal("80000002", Plans.Operation(plan, OperationKind.Turning).WorkCentre);
    }

    [Fact]
    public void The_same_features_give_the_same_plan()
    {
        var set = Bar(40, 100) with { Features = [new MachiningFeature { Type = FeatureType.Turning, DiameterToMm = 30 }, new MachiningFeature { Type = FeatureType.Tapping, Thread = "M6" }] };

        var first = System.Text.Json.JsonSerializer.Serialize(Plans.Of(set), PlanningJson.Options);
        var second = System.Text.Json.JsonSerializer.Serialize(Plans.Of(set), PlanningJson.Options);

        Assert.Equal(first, second);
    }

    private static FeatureSet Bar(double diameter, double length) => new()
    {
        MaterialGroup = "steel",
        Stock = new Stock { Shape = StockShape.Bar, DiameterMm = diameter, LengthMm = length },
        Features = [new MachiningFeature { Id = "t", Type = FeatureType.Turning, DiameterToMm = diameter - 5, LengthMm = length / 2 }],
    };
}
