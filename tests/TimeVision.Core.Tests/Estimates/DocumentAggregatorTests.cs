using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Rendering;
using TimeVision.Core.Tests.Storage;

namespace TimeVision.Core.Tests.Estimates;

public sealed class DocumentAggregatorTests
{
    private static readonly PageEstimateResult Template = EstimateStoreContract.SampleDocument().Pages[0].Result!;

    [Fact]
    public void Sheets_with_one_drawing_number_are_one_part_timed_by_the_largest_sheet()
    {
        var pages = new[] { Page(1, 4, "A-100"), Page(2, 7, "a-100 "), Page(3, 5, "A-100") };

        var (parts, total, _, status) = DocumentAggregator.Aggregate(pages);

        var part = Assert.Single(parts);
        Assert.Equal([1, 2, 3], part.Sheets);
        Assert.Equal(7, part.EstimatedMinutes);
        Assert.Equal(7, total);
        Assert.Equal(DocumentStatus.Completed, status);
    }

    [Fact]
    public void Sheets_without_a_number_are_parts_of_their_own_and_the_total_sums_parts()
    {
        var pages = new[] { Page(1, 4, null), Page(2, 6, null), Page(3, 2, "B-7") };

        var (parts, total, models, _) = DocumentAggregator.Aggregate(pages);

        Assert.Equal(["page-1", "page-2", "B-7"], parts.Select(p => p.Key));
        Assert.Equal(12, total);
        Assert.Equal(3, Assert.Single(models).Pages);
    }

    [Fact]
    public void Blocked_and_failed_pages_make_the_document_partial_and_are_left_out_of_the_total()
    {
        var pages = new[]
        {
            Page(1, 4, null),
            new DocumentPage(2, PageEstimateStatus.Blocked, null, null, Template with { Status = PageEstimateStatus.Blocked, Estimate = null }),
            new DocumentPage(3, PageEstimateStatus.Failed, null, new RenderError(RenderErrorCode.PageTooLarge, "too large"), null),
        };

        var (parts, total, _, status) = DocumentAggregator.Aggregate(pages);

        Assert.Equal(DocumentStatus.Partial, status);
        Assert.Single(parts);
        Assert.Equal(4, total);
    }

    [Fact]
    public void No_estimated_page_means_failed_with_no_total()
    {
        var pages = new[] { new DocumentPage(1, PageEstimateStatus.Failed, null, null, null) };

        var (parts, total, _, status) = DocumentAggregator.Aggregate(pages);

        Assert.Equal((DocumentStatus.Failed, null, 0), (status, total, parts.Count));
    }

    private static DocumentPage Page(int number, double minutes, string? drawingNumber) => new(
        number,
        PageEstimateStatus.Completed,
        null,
        null,
        Template with
        {
            Estimate = Template.Estimate! with
            {
                EstimatedTimeMin = minutes,
                DrawingNumber = drawingNumber,
                Breakdown = [new BreakdownItem("Frézování", minutes, null)],
            },
        });
}
