using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Tests.Storage;

namespace TimeVision.Core.Tests.Estimates;

/// <summary>The figure a document shows first: the estimator's adjustment, else the calibrated time, else the estimate.</summary>
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
