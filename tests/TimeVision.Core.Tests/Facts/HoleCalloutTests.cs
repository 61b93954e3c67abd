using TimeVision.Core.Estimating.Facts;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Facts;

/// <summary>
/// Hole and thread callouts for the process-time engine: counts, diameters, threads with pitch and depth, fits,
/// counterbores and countersinks, through or blind where the text says so, each with its box.
/// </summary>
public sealed class HoleCalloutTests : IDisposable
{
    private readonly SheetReader _reader = new();

    public void Dispose() => _reader.Dispose();

    private static HoleCallout Only(params string[] lines)
    {
        var page = new TextPages().Line(40, 40, "word word word word word");
        for (var i = 0; i < lines.Length; i++)
        {
            page.Line(300, 200 + (i * 9), lines[i]);
        }

        return Assert.Single(DrawingFactsReader.Read(page.Page()).Features.Holes);
    }

    [Fact]
    public void A_counted_through_hole_gives_its_count_diameter_and_through()
    {
        var hole = Only("4x Ø6.6 THRU");

        Assert.Equal((HoleKind.Drilled, 4, 6.6, (bool?)true, (double?)null), (hole.Kind, hole.Count, hole.Diameter, hole.Through, hole.Depth));
    }

    [Fact]
    public void A_Fusion_counterbore_callout_gives_the_hole_and_its_counterbore()
    {
        var hole = Only("4 x Ø9 ⌴ Ø15 ↧ 9");

        Assert.Equal((HoleKind.Counterbored, 4, 9.0), (hole.Kind, hole.Count, hole.Diameter));
        Assert.Equal(((double?)15, (double?)9, (double?)null), (hole.CounterboreDiameter, hole.CounterboreDepth, hole.Depth));
    }

    [Fact]
    public void A_threaded_hole_gives_its_thread_pitch_and_depth_and_is_blind()
    {
        var hole = Only("2x M6x1 - 6H ↧ 12");

        Assert.Equal((HoleKind.Threaded, 2, (double?)6, "M6x1", (double?)1), (hole.Kind, hole.Count, hole.Diameter, hole.Thread, hole.Pitch));
        Assert.Equal(((double?)12, (bool?)false), (hole.Depth, hole.Through));
    }

    [Theory]
    [InlineData("M8 DEEP 15", 15.0)]
    [InlineData("M8 TIEF 15", 15.0)]
    [InlineData("M8 15 DP", 15.0)]
    public void Thread_depth_is_read_in_words_too(string callout, double depth)
    {
        Assert.Equal((double?)depth, Only(callout).Depth);
    }

    [Fact]
    public void A_countersink_gives_its_diameter_and_angle()
    {
        var hole = Only("6X Ø6.4 THRU ⌵ Ø12 X 90°");

        Assert.Equal((HoleKind.Countersunk, 6, (bool?)true, (double?)12, (double?)90), (hole.Kind, hole.Count, hole.Through, hole.CountersinkDiameter, hole.CountersinkAngle));
    }

    [Fact]
    public void A_hole_with_a_fit_is_a_hole_a_shaft_fit_is_not()
    {
        var page = new TextPages().Line(40, 40, "word word word word word").Line(300, 200, "Ø12 H7").Line(300, 260, "Ø28 h6").Line(300, 320, "Ø42").Page();

        var hole = Assert.Single(DrawingFactsReader.Read(page).Features.Holes);

        Assert.Equal((HoleKind.Drilled, 1, 12.0, "H7"), (hole.Kind, hole.Count, hole.Diameter, hole.Fit));
    }

    [Fact]
    public void A_thread_alone_is_read_at_medium_confidence_as_it_may_be_external()
    {
        Assert.Equal((HoleKind.Threaded, FactConfidence.Medium), (Only("M36x1.5").Kind, Only("M36x1.5").Confidence));
    }

    [Fact]
    public void Two_callouts_on_one_line_are_two_holes()
    {
        var page = new TextPages().Line(40, 40, "word word word word word").Line(300, 200, "4x Ø5.5 THRU 2x M4 ↧ 8").Page();

        var holes = DrawingFactsReader.Read(page).Features.Holes;

        Assert.Equal([(HoleKind.Drilled, 4, (bool?)true), (HoleKind.Threaded, 2, false)], holes.Select(h => (h.Kind, h.Count, h.Through)));
    }

    [Fact]
    public async Task A_SolidWorks_callout_set_over_two_lines_is_one_counterbored_hole_with_both_lines_in_its_box()
    {
        var sheet = new TextPdf().WithGrid(6).WithDimensions("120", "85", "40", "25")
            .Text(300, 300, "4X Ø6.60 THRU ALL", 8).Text(300, 310, "⌴ Ø11.00 ↧ 6.40", 8);

        var holes = (await _reader.ReadAsync(sheet)).Features.Holes;

        var hole = Assert.Single(holes);
        Assert.Equal((HoleKind.Counterbored, 4, 6.6, (bool?)true, (double?)11, (double?)6.4), (hole.Kind, hole.Count, hole.Diameter, hole.Through, hole.CounterboreDiameter, hole.CounterboreDepth));
        Assert.Equal((1, 300.0), (hole.Source.Page, Math.Round(hole.Source.Box.X)));
        Assert.True(hole.Source.Box.Bottom > 308, "the box covers the counterbore's line too");
    }
}
