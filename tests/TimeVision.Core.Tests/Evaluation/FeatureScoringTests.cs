using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Learning.Evaluation;
using TimeVision.Core.Learning.Training;

namespace TimeVision.Core.Tests.Evaluation;

/// <summary>
/// Scoring a reading against confirmed features on cases worked by hand: a missed hole, a wrong count, a diameter 10 %
/// off, one too far off to be the same hole, and a text-layer label that speaks for holes, threads and chamfers only.
/// </summary>
public sealed class FeatureScoringTests
{
    /// <summary>The confirmed plate: four Ø6.6 through holes, four M8 with their Ø6.8 core holes, a Ø10 hole, a pocket.</summary>
    private static readonly FeatureSet Plate = new()
    {
        MaterialGroup = "steel",
        Features =
        [
            Hole("f1", 4, 6.6), Thread("f2", 4, "M8"), Hole("f3", 4, 6.8), Hole("f4", 1, 10),
            new MachiningFeature { Id = "f5", Type = FeatureType.PocketMilling, Count = 1, LengthMm = 60, WidthMm = 40, DepthMm = 8 },
        ],
    };

    [Fact]
    public void A_missed_hole_costs_recall_a_wrong_count_is_counted_and_a_diameter_10_percent_off_is_the_same_hole_with_a_10_percent_size_error()
    {
        // Read: the Ø6.6 holes missed; the M8 read as 2; the Ø10 hole read as Ø11; the rest right.
        var read = Plate with
        {
            Features =
            [
                Thread("r1", 2, "M8"), Hole("r2", 4, 6.8), Hole("r3", 1, 11),
                new MachiningFeature { Id = "r4", Type = FeatureType.PocketMilling, Count = 1, LengthMm = 60, WidthMm = 40, DepthMm = 8 },
            ],
        };

        var score = FeatureScoring.Score(read, Label(Plate));

        var drilling = score.Types.Single(t => t.Type == FeatureType.Drilling);
        Assert.Equal((3, 2, 2), (drilling.Confirmed, drilling.Read, drilling.Matched)); // precision 2/2, recall 2/3
        Assert.Equal(0, drilling.WrongCounts);
        var size = Assert.Single(drilling.Sizes, s => s.Confirmed == 10);
        Assert.Equal(10, size.PercentError, precision: 9);
        Assert.All(drilling.Sizes.Where(s => s.Confirmed != 10), s => Assert.Equal(0, s.PercentError));
        var tapping = score.Types.Single(t => t.Type == FeatureType.Tapping);
        Assert.Equal((1, 1, 1, 1), (tapping.Confirmed, tapping.Read, tapping.Matched, tapping.WrongCounts));
        Assert.Equal([-2], tapping.CountErrors);
        Assert.Equal(6.6, Assert.Single(score.Missed).DiameterMm);
        Assert.Empty(score.Extra);
    }

    [Fact]
    public void A_diameter_more_than_20_percent_off_is_another_hole_missed_and_extra()
    {
        var read = Plate with { Features = [Hole("r1", 4, 6.6), Thread("r2", 4, "M8"), Hole("r3", 4, 6.8), Hole("r4", 1, 12.5), Plate.Features[4]] };

        var score = FeatureScoring.Score(read, Label(Plate));

        var drilling = score.Types.Single(t => t.Type == FeatureType.Drilling);
        Assert.Equal((3, 3, 2), (drilling.Confirmed, drilling.Read, drilling.Matched));
        Assert.Equal(10, Assert.Single(score.Missed).DiameterMm);
        Assert.Equal(12.5, Assert.Single(score.Extra).DiameterMm);
    }

    [Fact]
    public void The_closest_size_is_paired_first_so_two_near_holes_are_not_swapped()
    {
        var read = Plate with { Features = [Hole("r1", 4, 6.8), Hole("r2", 4, 6.6)] };

        var score = FeatureScoring.Score(read, Label(Plate with { Features = [Hole("f1", 4, 6.6), Hole("f2", 4, 6.8)] }));

        var drilling = Assert.Single(score.Types);
        Assert.Equal(2, drilling.Matched);
        Assert.All(drilling.Sizes, s => Assert.Equal(0, s.PercentError));
    }

    [Fact]
    public void A_hole_read_10_percent_large_beside_an_exact_one_of_another_count_leaves_both_counts_right()
    {
        // Confirmed: four Ø6.6 and two Ø6.6 (two rows of the same hole). Read: the four as Ø7.26, the two exact.
        var label = Label(Plate with { Features = [Hole("f1", 4, 6.6), Hole("f2", 2, 6.6)] });

        var score = FeatureScoring.Score(Plate with { Features = [Hole("r1", 4, 7.26), Hole("r2", 2, 6.6)] }, label);

        var drilling = Assert.Single(score.Types);
        Assert.Equal((2, 0), (drilling.Matched, drilling.WrongCounts));
        Assert.Equal([10.0, 0.0], drilling.Sizes.Select(s => Math.Round(s.PercentError, 9)).Order().Reverse());
    }

    [Fact]
    public void A_text_layer_label_does_not_count_the_features_it_cannot_read()
    {
        var textLayer = new FeatureLabel(Plate with { Features = [Hole("f1", 4, 6.6), Thread("f2", 4, "M8")] }, FeatureLabelSource.TextLayerAccepted, "petr", null, 1, ConfirmedFeatures.TextLayerTypes);

        var score = FeatureScoring.Score(Plate, textLayer);
        var comparable = FeatureScoring.Comparable(Plate with { PartType = PartType.Prismatic, Stock = new Stock { LengthMm = 100 } }, textLayer);

        Assert.DoesNotContain(score.Types, t => t.Type == FeatureType.PocketMilling);
        var drilling = score.Types.Single(t => t.Type == FeatureType.Drilling);
        Assert.Equal((1, 3, 1), (drilling.Confirmed, drilling.Read, drilling.Matched)); // the core and Ø10 holes are extra
        Assert.DoesNotContain(comparable.Features, f => f.Type == FeatureType.PocketMilling);
        Assert.Equal((null, null, "steel"), ((PartType?)comparable.PartType, comparable.Stock, comparable.MaterialGroup));
    }

    [Fact]
    public void The_report_sums_the_types_into_precision_recall_and_size_errors()
    {
        var read = Plate with { Features = [Thread("r1", 2, "M8"), Hole("r2", 4, 6.8), Hole("r3", 1, 11), Plate.Features[4]] };
        var row = new FeatureDocumentResult
        {
            DocumentId = "d", FileName = "d.pdf", Drawing = "D", Model = "m", LabelSource = FeatureLabelSource.Estimator, Status = EvaluationStatus.Completed,
            Score = FeatureScoring.Score(read, Label(Plate)), ConfirmedCycleMin = 4, ReadCycleMin = 3, CostUsd = 0.01,
        };
        var set = new FeatureEvaluationSet("s", [], []);

        var summary = Assert.Single(FeatureEvaluationReport.From(new FeatureEvaluationRun(set, ["m"], [row], false, 0, null, null)).Models);

        Assert.Equal((5, 4, 4), (summary.Overall.Confirmed, summary.Overall.Read, summary.Overall.Matched));
        Assert.Equal((1.0, 0.8), (summary.Overall.Precision, summary.Overall.Recall));
        Assert.Equal((1, 0.5), (summary.Overall.WrongCounts, summary.Overall.MeanAbsoluteCountError)); // |2 − 4| over four pairs
        var drilling = summary.ByType.Single(t => t.Type == FeatureType.Drilling);
        Assert.Equal(2.0 / 3, drilling.Recall, precision: 9);
        Assert.Equal(10.0 / 2, drilling.MeanSizeError, precision: 9); // Ø6.8 exact, Ø10 read as Ø11
        Assert.Equal((-25.0, 25.0), (summary.CycleBias, summary.CycleMape));
    }

    private static FeatureLabel Label(FeatureSet features) => new(features, FeatureLabelSource.Estimator, "jana", null, 2, null);

    private static MachiningFeature Hole(string id, int count, double diameter) => new() { Id = id, Type = FeatureType.Drilling, Count = count, DiameterMm = diameter };

    private static MachiningFeature Thread(string id, int count, string thread) => new() { Id = id, Type = FeatureType.Tapping, Count = count, Thread = thread, DiameterMm = 8, PitchMm = 1.25 };
}
