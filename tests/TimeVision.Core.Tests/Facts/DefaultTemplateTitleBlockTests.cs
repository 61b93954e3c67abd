using TimeVision.Core.Estimating.Facts;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Facts;

/// <summary>
/// The title blocks CAD tools print by default, read through Poppler: SolidWorks ANSI (<c>TITLE:</c>, <c>DWG. NO.</c>,
/// <c>SCALE: 1:2 WEIGHT: SHEET 1 OF 1</c>), Onshape (<c>SIZE DWG NO REV</c> over their values, <c>SCALE 1:8</c>) and
/// Fusion 360 (<c>SIZE CODE DWG NO REV</c>, <c>SHEET 1/1</c>). Each value is found by its label wherever its cell puts it.
/// </summary>
public sealed class DefaultTemplateTitleBlockTests : IDisposable
{
    private readonly SheetReader _reader = new();

    public void Dispose() => _reader.Dispose();

    /// <summary>An A-size (11 × 8.5 in) sheet with its grid and SolidWorks' ANSI block around the cells each test fills.</summary>
    private static TextPdf SolidWorksSheet() =>
        new TextPdf(792, 612).WithGrid(4).WithDimensions("2.500", "1.375", ".750", "4X Ø.201 THRU")
            .Text(300, 470, "UNLESS OTHERWISE SPECIFIED:", 5).Text(300, 477, "DIMENSIONS ARE IN INCHES", 5)
            .Text(300, 500, "NAME", 5).Text(340, 500, "DATE", 5).Text(300, 510, "DRAWN", 5)
            .Text(460, 470, "MATERIAL", 5).Text(460, 530, "FINISH", 5)
            .Text(560, 470, "DO NOT SCALE DRAWING", 5)
            .Text(560, 500, "TITLE:", 5)
            .Text(560, 545, "SIZE", 5).Text(590, 545, "DWG. NO.", 5).Text(740, 545, "REV", 5)
            .Text(560, 575, "SCALE: 1:2", 5).Text(620, 575, "WEIGHT:", 5).Text(700, 575, "SHEET 1 OF 1", 5);

    [Fact]
    public async Task SolidWorks_ANSI_block_gives_name_wrapped_in_its_cell_number_material_scale_and_sheet()
    {
        var sheet = SolidWorksSheet()
            .Text(465, 484, "6061-T6 ALUMINUM", 8)
            .Text(600, 512, "MOTOR MOUNT", 14).Text(600, 528, "BRACKET", 14)
            .Text(566, 560, "A", 12).Text(620, 562, "MM-0042-01", 12);

        var facts = (await _reader.ReadAsync(sheet)).TitleBlock;

        Assert.Equal(("MOTOR MOUNT BRACKET", FactConfidence.High), (facts.PartName?.Value, facts.PartName?.Confidence));
        Assert.Equal(("MM-0042-01", FactConfidence.High), (facts.DrawingNumber?.Value, facts.DrawingNumber?.Confidence));
        Assert.Equal(("6061-T6 ALUMINUM", "aluminium"), (facts.Material?.Value, facts.MaterialGroup));
        Assert.Equal(("1:2", "1/1", "inch"), (facts.Scale?.Value, facts.Sheet?.Value, facts.Units?.Value));
    }

    [Fact]
    public async Task With_the_title_empty_SolidWorks_puts_the_file_name_in_DWG_NO_and_it_is_the_drawing_number()
    {
        var sheet = SolidWorksSheet().Text(566, 560, "A", 12).Text(620, 562, "bracket_left_v2", 12);

        var facts = (await _reader.ReadAsync(sheet)).TitleBlock;

        Assert.Equal(("bracket_left_v2", FactConfidence.High), (facts.DrawingNumber?.Value, facts.DrawingNumber?.Confidence));
        Assert.Null(facts.PartName);
    }

    [Fact]
    public async Task A_one_character_drawing_number_in_its_cell_is_read_at_medium_confidence_and_the_sheet_size_beside_it_is_not()
    {
        var sheet = SolidWorksSheet().Text(566, 560, "A", 12).Text(640, 562, "7", 12);

        var facts = (await _reader.ReadAsync(sheet)).TitleBlock;

        Assert.Equal(("7", FactConfidence.Medium), (facts.DrawingNumber?.Value, facts.DrawingNumber?.Confidence));
    }

    [Fact]
    public async Task A_grid_marker_or_the_sheet_size_beside_an_empty_DWG_NO_cell_is_not_a_drawing_number()
    {
        // A zone marker and the sheet size share a line to the right of the empty cell: "9 A4".
        var sheet = SolidWorksSheet().Text(566, 560, "A", 12).Text(690, 546, "9", 8).Text(702, 546, "A4", 8);

        var facts = (await _reader.ReadAsync(sheet)).TitleBlock;

        Assert.Null(facts.DrawingNumber);
    }

    [Fact]
    public async Task A_short_number_that_repeats_the_sheets_own_number_on_a_drawing_of_several_sheets_counts_sheets()
    {
        var sheet = new TextPdf(792, 612).WithGrid(4).WithDimensions("2.500", "1.375", ".750")
            .Text(590, 545, "DWG. NO.", 5).Text(640, 562, "3", 12)
            .Text(700, 575, "SHEET 3 OF 5", 5);

        var facts = (await _reader.ReadAsync(sheet)).TitleBlock;

        Assert.Null(facts.DrawingNumber);
    }

    [Fact]
    public async Task Onshape_block_gives_each_value_under_its_own_label_in_a_row_of_labels()
    {
        var sheet = new TextPdf(842, 595).WithGrid(6).WithDimensions("120", "85", "Ø12 H7", "4x M6")
            .Text(560, 480, "TITLE", 5).Text(566, 496, "Motor Bracket", 12)
            .Text(560, 520, "SIZE", 5).Text(600, 520, "DWG NO", 5).Text(760, 520, "REV", 5)
            .Text(564, 536, "A", 11).Text(604, 536, "PRT-00231", 11).Text(764, 536, "B", 11)
            .Text(560, 556, "SCALE 1:8", 5).Text(640, 556, "WEIGHT", 5).Text(720, 556, "SHEET 1 OF 1", 5)
            .Text(400, 520, "MATERIAL", 5).Text(404, 536, "Aluminum 6061", 9);

        var facts = (await _reader.ReadAsync(sheet)).TitleBlock;

        Assert.Equal(("Motor Bracket", "PRT-00231", "1:8", "1/1"), (facts.PartName?.Value, facts.DrawingNumber?.Value, facts.Scale?.Value, facts.Sheet?.Value));
        Assert.Equal(("Aluminum 6061", "aluminium"), (facts.Material?.Value, facts.MaterialGroup));
    }

    [Fact]
    public async Task Fusion_block_reads_the_drawing_number_not_the_code_beside_it()
    {
        var sheet = new TextPdf(842, 595).WithGrid(6).WithDimensions("120", "85", "Ø12 H7", "4x M6")
            .Text(560, 480, "TITLE", 5).Text(566, 496, "Spindle Cover", 12)
            .Text(560, 520, "SIZE", 5).Text(590, 520, "CODE", 5).Text(650, 520, "DWG NO", 5).Text(780, 520, "REV", 5)
            .Text(564, 536, "B", 11).Text(594, 536, "1AB23", 11).Text(654, 536, "FX-1001", 11).Text(784, 536, "A", 11)
            .Text(560, 556, "SCALE 1:1", 5).Text(640, 556, "WEIGHT", 5).Text(720, 556, "SHEET 1/1", 5);

        var facts = (await _reader.ReadAsync(sheet)).TitleBlock;

        Assert.Equal(("FX-1001", FactConfidence.High), (facts.DrawingNumber?.Value, facts.DrawingNumber?.Confidence));
        Assert.Equal(("Spindle Cover", "1:1", "1/1"), (facts.PartName?.Value, facts.Scale?.Value, facts.Sheet?.Value));
    }

    [Fact]
    public async Task Fusion_block_with_an_empty_DWG_NO_cell_leaves_the_drawing_number_empty_though_the_code_has_a_value()
    {
        var sheet = new TextPdf(842, 595).WithGrid(6).WithDimensions("120", "85", "Ø12 H7", "4x M6")
            .Text(560, 520, "SIZE", 5).Text(590, 520, "CODE", 5).Text(650, 520, "DWG NO", 5).Text(780, 520, "REV", 5)
            .Text(564, 536, "B", 11).Text(594, 536, "1AB23", 11).Text(784, 536, "A", 11);

        var facts = (await _reader.ReadAsync(sheet)).TitleBlock;

        Assert.Null(facts.DrawingNumber);
    }

    [Fact]
    public async Task Fusion_ISO_block_reads_title_and_DWG_No_beside_the_document_type_and_who_made_it()
    {
        var sheet = new TextPdf(842, 595).WithGrid(6).WithDimensions("120", "85", "Ø12 H7", "4x M6")
            .Text(480, 520, "Created by", 5).Text(560, 520, "Approved by", 5).Text(640, 520, "Document type", 5)
            .Text(484, 534, "J. Smith", 9).Text(644, 534, "Detail drawing", 9)
            .Text(640, 550, "Title", 5).Text(740, 550, "DWG No.", 5)
            .Text(644, 564, "Guide rail", 11).Text(744, 564, "GR-2201", 11);

        var facts = (await _reader.ReadAsync(sheet)).TitleBlock;

        Assert.Equal(("Guide rail", "GR-2201", FactConfidence.High), (facts.PartName?.Value, facts.DrawingNumber?.Value, facts.DrawingNumber?.Confidence));
    }

    [Fact]
    public async Task A_ratio_with_its_word_after_it_is_the_scale_at_medium_confidence_where_no_label_gives_one()
    {
        var sheet = new TextPdf().WithGrid(6).WithDimensions("120", "85", "40", "25").Text(600, 540, "1:1 Ratio", 8);

        var facts = (await _reader.ReadAsync(sheet)).TitleBlock;

        Assert.Equal(("1:1", FactConfidence.Medium), (facts.Scale?.Value, facts.Scale?.Confidence));
    }
}
