using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Core.Tests.ProcessPlanning;

/// <summary>The merge rule: estimator &gt; text layer at high confidence &gt; model &gt; text layer at medium, with conflicts flagged.</summary>
public sealed class FeatureMergeTests
{
    private static readonly FeatureSource Estimator = new(FeatureSourceKind.Estimator);
    private static readonly FeatureSource Model = new(FeatureSourceKind.Model, Page: 1);
    private static readonly FeatureSource TextHigh = new(FeatureSourceKind.TextLayer, 1, new TextBox(10, 20, 30, 8), FactConfidence.High);
    private static readonly FeatureSource TextMedium = new(FeatureSourceKind.TextLayer, 1, new TextBox(10, 20, 30, 8), FactConfidence.Medium);

    [Fact]
    public void The_estimator_wins_over_the_text_layer_and_the_disagreement_is_flagged()
    {
        var merged = FeatureMerge.Merge([Set(TextHigh, Thread("M8", 4)), Set(Estimator, Thread("M8", 6))]);

        var tapping = Assert.Single(merged.Features.Features);
        Assert.Equal((6, FeatureSourceKind.Estimator), (tapping.Count, tapping.Source!.Kind));
        var conflict = Assert.Single(merged.Conflicts);
        Assert.Equal(("count", "6", FeatureSourceKind.Estimator, "4", FeatureSourceKind.TextLayer), (conflict.Field, conflict.Kept, conflict.KeptFrom, conflict.Other, conflict.OtherFrom));
    }

    [Fact]
    public void An_estimator_feature_naming_a_read_feature_by_id_replaces_it_even_with_a_corrected_size()
    {
        var read = new MachiningFeature { Id = "t1", Type = FeatureType.Drilling, Count = 4, DiameterMm = 6.8 };
        var corrected = read with { DiameterMm = 7, Count = 6 };
        var other = new MachiningFeature { Id = "t2", Type = FeatureType.Drilling, Count = 2, DiameterMm = 10 };

        var merged = FeatureMerge.Merge([Set(TextHigh, read, other), Set(Estimator, corrected)]);

        Assert.Equal(["t1", "t2"], merged.Features.Features.Select(f => f.Id));
        var hole = merged.Features.Features[0];
        Assert.Equal((7.0, 6, FeatureSourceKind.Estimator), (hole.DiameterMm, hole.Count, hole.Source!.Kind));
        Assert.Contains(merged.Conflicts, c => c is { FeatureId: "t1", Field: "diameterMm", Kept: "7", Other: "6.8" });
    }

    [Fact]
    public void The_text_layer_at_high_confidence_wins_over_the_model_and_the_model_over_medium()
    {
        var overModel = FeatureMerge.Merge([Set(Model, Thread("M8", 2)), Set(TextHigh, Thread("M8", 4))]);
        var underModel = FeatureMerge.Merge([Set(TextMedium, Thread("M8", 4)), Set(Model, Thread("M8", 2))]);

        Assert.Equal(4, Assert.Single(overModel.Features.Features).Count);
        Assert.Equal(2, Assert.Single(underModel.Features.Features).Count);
    }

    [Fact]
    public void A_higher_source_keeps_its_values_and_takes_what_it_left_out_from_lower_ones()
    {
        var fromText = new MachiningFeature { Type = FeatureType.Drilling, Count = 4, DiameterMm = 6.6 };
        var fromModel = new MachiningFeature { Type = FeatureType.Drilling, Count = 4, DiameterMm = 6.6, DepthMm = 12, Through = true };

        var merged = FeatureMerge.Merge([Set(TextHigh, fromText), Set(Model, fromModel)]);

        var hole = Assert.Single(merged.Features.Features);
        Assert.Equal((12.0, true, FeatureSourceKind.TextLayer), (hole.DepthMm, hole.Through, hole.Source!.Kind));
        Assert.Equal(new TextBox(10, 20, 30, 8), hole.Source.Box);
        Assert.Empty(merged.Conflicts);
    }

    [Fact]
    public void Features_only_one_source_saw_are_all_kept_with_their_own_ids()
    {
        var merged = FeatureMerge.Merge([
            Set(TextHigh, Thread("M8", 4) with { Id = "f1" }),
            Set(Model, new MachiningFeature { Id = "f1", Type = FeatureType.PocketMilling, LengthMm = 40, WidthMm = 20, DepthMm = 5 })]);

        Assert.Equal(["f1", "f1-2"], merged.Features.Features.Select(f => f.Id));
        Assert.Equal([FeatureType.Tapping, FeatureType.PocketMilling], merged.Features.Features.Select(f => f.Type));
    }

    [Fact]
    public void Part_fields_come_from_the_highest_source_and_a_different_group_is_flagged()
    {
        var merged = FeatureMerge.Merge([
            Set(Model, []) with { Set = new FeatureSet { PartType = PartType.Rotational, MaterialGroup = "aluminium", Material = "AlMg3" } },
            Set(TextHigh, []) with { Set = new FeatureSet { MaterialGroup = "steel", Material = "C45" } }]);

        Assert.Equal(("steel", "C45", PartType.Rotational), (merged.Features.MaterialGroup, merged.Features.Material, merged.Features.PartType));
        var conflict = Assert.Single(merged.Conflicts);
        Assert.Equal(("materialGroup", "steel", "aluminium"), (conflict.Field, conflict.Kept, conflict.Other));
    }

    private static SourcedFeatureSet Set(FeatureSource source, params MachiningFeature[] features) =>
        new(new FeatureSet { Features = features }, source);

    private static MachiningFeature Thread(string thread, int count) => new() { Type = FeatureType.Tapping, Thread = thread, Count = count };
}
