using TimeVision.Core.Estimating.Facts;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Facts;

/// <summary>
/// Units on sheets without a units note, read through Poppler: a metric standard in the title block or notes says
/// millimetres at medium confidence and never high; a units note still wins; inch drawings stay inch; a sheet that
/// settles nothing gets no units.
/// </summary>
public sealed class UnitsWithoutNoteTests : IDisposable
{
    private readonly SheetReader _reader = new();

    public void Dispose() => _reader.Dispose();

    /// <summary>A sheet whose numbers alone settle nothing: whole numbers, no decimals, no threads.</summary>
    private static TextPdf PlainSheet() =>
        new TextPdf().WithGrid(6).WithDimensions("60", "42", "23", "R5", "6", "2")
            .Text(600, 540, "Title", 6).Text(600, 556, "Flange", 12);

    [Theory]
    [InlineData("Allgemeintoleranzen ISO 2768-mK")]
    [InlineData("GENERAL TOLERANCES DIN ISO 2768-m")]
    [InlineData("未注公差按GB/T 1804-m")]
    [InlineData("Tolerancing ISO 8015")]
    [InlineData("Nepředepsané úchylky ČSN ISO 2768-mK")]
    [InlineData("FIRST ANGLE PROJECTION")]
    public async Task A_metric_standard_on_the_sheet_says_millimetres_at_medium_confidence(string standard)
    {
        var facts = (await _reader.ReadAsync(PlainSheet().Text(600, 500, standard, 7))).TitleBlock;

        Assert.Equal(("mm", FactConfidence.Medium, standard), (facts.Units?.Value, facts.Units?.Confidence, facts.Units?.Source.Text));
    }

    [Fact]
    public async Task A_sheet_that_names_no_standard_and_states_no_units_gets_none()
    {
        var facts = (await _reader.ReadAsync(PlainSheet())).TitleBlock;

        Assert.Null(facts.Units);
    }

    [Theory]
    [InlineData("UNITS: MM", "mm")]
    [InlineData("DIMENSIONS ARE IN INCHES", "inch")]
    public async Task A_units_note_wins_over_a_standard_at_high_confidence(string note, string units)
    {
        var sheet = PlainSheet().Text(600, 500, "ISO 2768-m", 7).Text(600, 512, note, 7);

        var facts = (await _reader.ReadAsync(sheet)).TitleBlock;

        Assert.Equal((units, FactConfidence.High), (facts.Units?.Value, facts.Units?.Confidence));
    }

    [Fact]
    public async Task Numbers_written_the_inch_way_keep_an_inch_drawing_inch_despite_a_metric_standard()
    {
        var sheet = new TextPdf().WithGrid(6)
            .WithDimensions(".250", "1.375", ".500", "2.125", ".750", "0.375", "1.250", ".125", "3.000")
            .Text(600, 500, "TOLERANCES PER ISO 2768-m", 7);

        var facts = (await _reader.ReadAsync(sheet)).TitleBlock;

        Assert.Equal("inch", facts.Units?.Value);
        Assert.NotEqual(FactConfidence.High, facts.Units?.Confidence);
    }

    [Fact]
    public async Task A_few_inch_style_numbers_or_unified_threads_are_enough_to_withhold_millimetres()
    {
        var sheet = new TextPdf().WithGrid(6)
            .WithDimensions(".250", "1.375", ".500", "1/4-20 UNC", "4X 10-32 UNF")
            .Text(600, 500, "ISO 2768-m", 7);

        var facts = (await _reader.ReadAsync(sheet)).TitleBlock;

        Assert.NotEqual("mm", facts.Units?.Value);
    }

    [Theory]
    [InlineData(new[] { "62,5", "17,5", "40", "25" }, "decimal commas (62,5, 17,5)")]
    [InlineData(new[] { "Ø12 H7", "Ø20 g6", "40", "25" }, "ISO fits (H7, g6)")]
    [InlineData(new[] { "M3", "M36x1", "40", "25" }, "metric threads (M3, M36x1)")]
    [InlineData(new[] { "480", "320", "Ø60", "25" }, "sizes only plausible in mm (480, 320)")]
    public async Task Metric_evidence_without_a_note_says_millimetres_at_medium_confidence_and_names_it(string[] dimensions, string evidence)
    {
        var sheet = new TextPdf().WithGrid(6).WithDimensions(dimensions).Text(600, 540, "Title", 6).Text(600, 556, "Flange", 12);

        var facts = (await _reader.ReadAsync(sheet)).TitleBlock;

        Assert.Equal(("mm", FactConfidence.Medium, evidence), (facts.Units?.Value, facts.Units?.Confidence, facts.Units?.Evidence));
    }

    [Fact]
    public async Task A_DIN_7168_general_tolerance_note_says_millimetres_at_medium_confidence()
    {
        var facts = (await _reader.ReadAsync(PlainSheet().Text(600, 500, "Freimaßtoleranzen DIN 7168-m", 7))).TitleBlock;

        Assert.Equal(("mm", FactConfidence.Medium), (facts.Units?.Value, facts.Units?.Confidence));
        Assert.Contains("DIN 7168", facts.Units?.Evidence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { ".250", ".375", "2", "1" }, "decimals without a leading zero (.250, .375)")]
    [InlineData(new[] { "3/8", "1/4", "2", "1" }, "fractions (3/8, 1/4)")]
    public async Task Inch_evidence_without_a_note_says_inch_at_medium_confidence_and_names_it(string[] dimensions, string evidence)
    {
        var sheet = new TextPdf().WithGrid(6).WithDimensions(dimensions).Text(600, 540, "SHEET 1/2", 6);

        var facts = (await _reader.ReadAsync(sheet)).TitleBlock;

        Assert.Equal(("inch", FactConfidence.Medium, evidence), (facts.Units?.Value, facts.Units?.Confidence, facts.Units?.Evidence));
    }

    [Fact]
    public async Task An_ANSI_templates_tolerance_block_alone_says_inch_at_low_confidence()
    {
        var sheet = PlainSheet().Text(600, 480, "THREE PLACE DECIMAL ±", 6).Text(600, 490, "INTERPRET GEOMETRIC TOLERANCING PER ASME Y14.5", 6);

        var facts = (await _reader.ReadAsync(sheet)).TitleBlock;

        Assert.Equal(("inch", FactConfidence.Low), (facts.Units?.Value, facts.Units?.Confidence));
    }

    [Fact]
    public async Task A_title_block_drawn_as_outlines_gives_only_what_the_dimension_text_supports()
    {
        // FreeCAD TechDraw prints its template's lettering as paths: only the dimensions remain as text.
        var sheet = new TextPdf().WithDimensions("62,5", "Ø12 H7", "40", "17,5", "8", "R3");

        var facts = await _reader.ReadAsync(sheet);

        Assert.Equal(("mm", FactConfidence.Medium), (facts.TitleBlock.Units?.Value, facts.TitleBlock.Units?.Confidence));
        Assert.Equal(new TitleBlockFacts { Units = facts.TitleBlock.Units }, facts.TitleBlock);
    }
}
