namespace TimeVision.Core.Estimating.ProcessPlanning;

/// <summary>Times one feature by its type's formula.</summary>
internal static class FeatureTimer
{
    public static TimedFeature Time(MachiningFeature f, string id, PlanContext c) => f.Type switch
    {
        FeatureType.FaceMilling => MillingTimes.Face(f, id, c),
        FeatureType.SlotMilling => MillingTimes.Slot(f, id, c),
        FeatureType.ContourMilling => MillingTimes.Contour(f, id, c),
        FeatureType.PocketMilling => MillingTimes.Pocket(f, id, c),
        FeatureType.Drilling or FeatureType.Reaming or FeatureType.Boring => HoleTimes.Hole(f, id, c),
        FeatureType.Tapping => HoleTimes.Tapping(f, id, c),
        FeatureType.Turning => TurningTimes.Turning(f, id, c),
        FeatureType.Facing => TurningTimes.Facing(f, id, c),
        FeatureType.Grooving => TurningTimes.Grooving(f, id, c),
        FeatureType.Parting => TurningTimes.Parting(f, id, c),
        FeatureType.ThreadTurning => TurningTimes.ThreadTurning(f, id, c),
        FeatureType.Chamfer => BenchTimes.Chamfer(f, id, c),
        _ => BenchTimes.Sawing(f, id, c),
    };
}
