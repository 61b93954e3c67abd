using System.Text.Json;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Tests.Storage;

namespace TimeVision.Core.Tests.Estimates;

/// <summary>
/// The figure a document shows first: the estimator's adjustment, else the calibrated estimate, else the estimate, the
/// engine's or the model's as the stored headline says.
/// </summary>
public sealed class DocumentFiguresTests
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Without_feedback_or_calibration_the_estimate_is_the_current_figure()
    {
        var figures = DocumentFigures.Of(TwoParts());

        Assert.Equal((5.0, FigureSource.Estimate), (figures.Current!.Value, figures.Source));
        Assert.Null(figures.Adjustment);
        Assert.Null(figures.Actual);
    }

    [Fact]
    public void A_calibrated_time_heads_until_a_part_is_adjusted_and_then_the_adjusted_part_counts_with_the_others_as_calibrated()
    {
        var calibrated = TwoParts(calibrated: true);
        var adjusted = calibrated with { Feedback = [Entry(FeedbackSource.Expert, 7, part: 2)] };

        Assert.Equal((6.0, FigureSource.Calibrated), (DocumentFigures.Of(calibrated).Current!.Value, DocumentFigures.Of(calibrated).Source));
        var figures = DocumentFigures.Of(adjusted);
        Assert.Equal((10.0, FigureSource.Adjustment), (figures.Current!.Value, figures.Source));
        Assert.Equal(5.0, figures.Estimate);
        Assert.Equal(6.0, figures.Calibrated);
    }

    [Fact]
    public void The_latest_adjustment_of_each_part_counts_and_a_later_whole_document_one_replaces_them()
    {
        var document = TwoParts() with
        {
            Feedback =
            [
                Entry(FeedbackSource.Expert, 4, part: 1),
                Entry(FeedbackSource.Expert, 6, part: 1),
                Entry(FeedbackSource.Actual, 12.5, part: null),
                Entry(FeedbackSource.Expert, 11, part: null),
            ],
        };

        Assert.Equal(11.0, DocumentFigures.Of(document).Current);
        Assert.Equal(12.5, DocumentFigures.Of(document).Actual);
        var partAfterwards = document with { Feedback = [.. document.Feedback!, Entry(FeedbackSource.Expert, 1, part: 2)] };
        Assert.Equal(2.5 + 1, DocumentFigures.Of(partAfterwards).Current);
    }

    [Fact]
    public void A_real_time_stands_beside_the_figure_and_never_replaces_it()
    {
        var figures = DocumentFigures.Of(TwoParts() with { Feedback = [Entry(FeedbackSource.Actual, 12.5, part: null)] });

        Assert.Equal((5.0, FigureSource.Estimate, 12.5), (figures.Current!.Value, figures.Source, figures.Actual!.Value));
    }

    [Fact]
    public void A_document_without_an_estimate_has_no_current_figure()
    {
        var failed = TwoParts() with { Parts = [], TotalEstimatedMinutes = null, Status = DocumentStatus.Failed };

        Assert.Null(DocumentFigures.Of(failed).Current);
    }

    [Fact]
    public void When_the_engine_heads_its_minutes_per_piece_are_the_estimate_and_the_current_figure()
    {
        var document = Headed(TwoParts(calibrated: true), HeadlineMethod.Engine, cycleMin: 1.25);

        var figures = DocumentFigures.Of(document);

        Assert.Equal((1.25, FigureSource.Estimate, HeadlineMethod.Engine), (figures.Current!.Value, figures.Source, figures.Method));
        Assert.Equal((1.25, (double?)null), (figures.Estimate!.Value, figures.Calibrated));
    }

    [Fact]
    public void When_the_engine_heads_its_plan_with_the_shops_factors_is_the_calibrated_estimate()
    {
        var document = Headed(TwoParts(), HeadlineMethod.Engine, cycleMin: 1.25, calibratedCycleMin: 1.75);

        var figures = DocumentFigures.Of(document);

        Assert.Equal((1.75, FigureSource.Calibrated, 1.25), (figures.Current!.Value, figures.Source, figures.Estimate!.Value));
    }

    [Fact]
    public void When_the_model_heads_over_a_plan_the_models_calibrated_time_and_estimate_stand_as_before()
    {
        var document = Headed(TwoParts(calibrated: true), HeadlineMethod.Model, cycleMin: 1.25, calibratedCycleMin: 1.75);

        var figures = DocumentFigures.Of(document);

        Assert.Equal((6.0, FigureSource.Calibrated, HeadlineMethod.Model, 5.0), (figures.Current!.Value, figures.Source, figures.Method, figures.Estimate!.Value));
    }

    [Fact]
    public void An_adjustment_heads_over_the_engine_and_the_engines_figure_stands_beside_it()
    {
        var document = Headed(TwoParts(), HeadlineMethod.Engine, cycleMin: 1.25) with { Feedback = [Entry(FeedbackSource.Expert, 7, part: null)] };

        var figures = DocumentFigures.Of(document);

        Assert.Equal((7.0, FigureSource.Adjustment, 1.25), (figures.Current!.Value, figures.Source, figures.Estimate!.Value));
    }

    [Fact]
    public void An_estimate_stored_without_a_headline_reads_as_the_models_even_with_a_plan()
    {
        var stored = Headed(TwoParts(), HeadlineMethod.Engine, cycleMin: 1.25);
        var json = JsonSerializer.SerializeToNode(stored, JsonSerializerOptions.Web)!.AsObject();
        json.Remove("headline");

        var figures = json.Deserialize<DocumentEstimate>(JsonSerializerOptions.Web)!.Figures;

        Assert.Equal((5.0, FigureSource.Estimate, HeadlineMethod.Model), (figures.Current!.Value, figures.Source, figures.Method));
    }

    /// <summary><paramref name="document"/> with a plan of <paramref name="cycleMin"/> per piece (with the shop's factors when given) and its headline chosen for <paramref name="method"/>.</summary>
    private static DocumentEstimate Headed(DocumentEstimate document, HeadlineMethod method, double cycleMin, double? calibratedCycleMin = null)
    {
        var planned = document with
        {
            Plan = new DocumentPlan
            {
                FeaturesVersion = 1,
                Routing = new ProcessPlan
                {
                    Operations = [], SetupMin = 30, CycleMin = cycleMin, CuttingMin = cycleMin / 2, CuttingDataVersion = "test", DefaultsUsed = [],
                    CalibratedSetupMin = calibratedCycleMin is null ? null : 30, CalibratedCycleMin = calibratedCycleMin,
                },
            },
        };
        var requested = method == HeadlineMethod.Engine ? EstimateMethod.Engine : EstimateMethod.Model;
        return planned with { Headline = HeadlineRule.Choose(planned, requested, MethodScores.None) };
    }

    /// <summary>Two parts of 2.5 min each (calibrated to 3 each when asked), 5 min in all.</summary>
    private static DocumentEstimate TwoParts(bool calibrated = false)
    {
        var sample = EstimateStoreContract.SampleDocument();
        var part = sample.Parts[0] with { EstimatedMinutes = 2.5, CalibratedTimeMin = calibrated ? 3 : null };
        return sample with
        {
            Parts = [part with { Key = "A" }, part with { Key = "B" }],
            TotalEstimatedMinutes = 5,
            CalibratedTimeMin = calibrated ? 6 : null,
        };
    }

    private static ShopFeedback Entry(FeedbackSource source, double minutes, int? part) =>
        new() { Source = source, ActualMinutes = minutes, Part = part, EnteredAt = Monday };
}
