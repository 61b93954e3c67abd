using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Core.Tests.ProcessPlanning;

/// <summary>What must hold for every feature type: more pieces, more depth and harder material cost more time; a bigger batch spreads the setup; a given rpm wins over Vc.</summary>
public sealed class PlanPropertyTests
{
    private static readonly double[] Depths = [2, 5, 9, 14, 20];
    private static readonly int[] Batches = [1, 10, 50, 100, 500];

    // The shop's steels by hardness: structural 200 HB, alloy 250 HB, tool 300 HB.
    private static readonly string[] ByHardness = ["steel", "alloy_steel", "tool_steel"];

    public static TheoryData<FeatureType> Types => new(Enum.GetValues<FeatureType>());

    public static TheoryData<FeatureType> DepthTypes => new(
        FeatureType.FaceMilling, FeatureType.PocketMilling, FeatureType.SlotMilling, FeatureType.ContourMilling,
        FeatureType.Drilling, FeatureType.Reaming, FeatureType.Boring, FeatureType.Tapping, FeatureType.Grooving, FeatureType.Sawing);

    public static TheoryData<FeatureType> CutTypes => new(Enum.GetValues<FeatureType>().Where(t => t != FeatureType.Chamfer));

    // A saw's time is its feed through the section and a chamfer's a table: neither has a spindle speed.
    public static TheoryData<FeatureType> SpindleTypes => new(Enum.GetValues<FeatureType>().Where(t => t is not FeatureType.Chamfer and not FeatureType.Sawing));

    [Theory]
    [MemberData(nameof(Types))]
    public void Time_grows_with_the_count(FeatureType type)
    {
        var times = Enumerable.Range(1, 6).Select(count => Plans.Of("steel", Feature(type) with { Count = count }).CycleMin).ToList();

        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second > pair.First, $"{type}: {pair.First} then {pair.Second}"));
    }

    [Theory]
    [MemberData(nameof(DepthTypes))]
    public void Time_grows_with_the_depth(FeatureType type)
    {
        var times = Depths.Select(depth => Plans.Of("steel", Feature(type) with { DepthMm = depth }).CuttingMin).ToList();

        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second > pair.First, $"{type}: {pair.First} then {pair.Second}"));
    }

    [Theory]
    [MemberData(nameof(CutTypes))]
    public void Time_grows_with_the_materials_hardness(FeatureType type)
    {
        var times = ByHardness.Select(group => Plans.Of(group, Feature(type)).CuttingMin).ToList();

        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second > pair.First, $"{type}: {pair.First} then {pair.Second}"));
    }

    [Fact]
    public void A_bore_as_large_as_the_outside_parts_in_no_time_rather_than_negative_time()
    {
        var plan = Plans.Of("steel", new MachiningFeature { Id = "p", Type = FeatureType.Parting, DiameterMm = 12, DiameterToMm = 30 });

        Assert.Equal(0, Plans.Line(plan, "p").CuttingMin);
        Assert.Contains("p: diameterToMm 30 is not below the diameter 12; nothing is cut", plan.DefaultsUsed);
    }

    [Fact]
    public void A_bigger_batch_lowers_the_setup_share_per_piece()
    {
        var plan = Plans.Of("steel", Feature(FeatureType.PocketMilling), Feature(FeatureType.Drilling) with { Id = "d" });

        var shares = Batches.Select(q => plan.SetupMin / plan.BatchMin(q)).ToList();

        Assert.All(shares.Zip(shares.Skip(1)), pair => Assert.True(pair.Second < pair.First));
        Assert.Equal(plan.SetupMin + (50 * plan.CycleMin), plan.BatchMin(50), 1e-9);
    }

    [Theory]
    [MemberData(nameof(SpindleTypes))]
    public void An_explicit_rpm_overrides_the_cutting_speed(FeatureType type)
    {
        var slow = Plans.Of("steel", Feature(type) with { Cutting = new CuttingOverrides { Rpm = 800, VcMPerMin = 50 } });
        var fast = Plans.Of("steel", Feature(type) with { Cutting = new CuttingOverrides { Rpm = 800, VcMPerMin = 300 } });
        var half = Plans.Of("steel", Feature(type) with { Cutting = new CuttingOverrides { Rpm = 400, VcMPerMin = 300 } });

        Assert.Equal(Plans.Line(slow, "x").CuttingMin, Plans.Line(fast, "x").CuttingMin);
        Assert.Equal(800, Plans.Line(fast, "x").Inputs["n"]);
        Assert.Equal(2 * Plans.Line(fast, "x").CuttingMin, Plans.Line(half, "x").CuttingMin, 1e-9);
    }

    private static MachiningFeature Feature(FeatureType type) => new()
    {
        Id = "x", Type = type, LengthMm = 60, WidthMm = 20, DepthMm = 6, DiameterMm = 12, DiameterFromMm = 40, DiameterToMm = type == FeatureType.Parting ? 4 : 30,
        Thread = type is FeatureType.Tapping or FeatureType.ThreadTurning ? "M12" : null,
    };
}
