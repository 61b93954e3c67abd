using TimeVision.Core.Estimating.Facts;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Facts;

/// <summary>
/// ANSI title blocks read through Poppler: labels in capitals with the value after a colon on the same line, cells
/// that pdftotext joins into one line, values in the next cell, and the grid-zone markers around the border.
/// </summary>
public sealed class AnsiTitleBlockTests : IDisposable
{
    private readonly SheetReader _reader = new();

    public void Dispose() => _reader.Dispose();

    /// <summary>A B-size (17 × 11 in) sheet with its border grid, some inch dimensions and a units note.</summary>
    private static TextPdf BSizeSheet() =>
        new TextPdf(1224, 792).WithGrid().WithDimensions("2.500", "1.375", ".750", "Ø.250 THRU", "4X 10-32 UNF", ".125 X 45°")
            .Text(60, 660, "UNLESS OTHERWISE SPECIFIED:", 6).Text(60, 668, "DIMENSIONS ARE IN INCHES", 6);

    [Fact]
    public async Task Material_and_part_number_written_after_a_colon_are_read_from_their_line()
    {
        var sheet = BSizeSheet()
            .Text(820, 700, "MATERIAL: AISI1020", 8)
            .Text(820, 720, "FINISH: BLACK OXIDE", 8)
            .Text(1000, 740, "PART NO. 4471-210", 10);

        var facts = (await _reader.ReadAsync(sheet)).TitleBlock;

        Assert.Equal(("AISI1020", "steel", FactConfidence.High), (facts.Material?.Value, facts.MaterialGroup, facts.Material?.Confidence));
        Assert.Equal(("4471-210", FactConfidence.Medium), (facts.DrawingNumber?.Value, facts.DrawingNumber?.Confidence));
        Assert.Equal(("inch", FactConfidence.High), (facts.Units?.Value, facts.Units?.Confidence));
    }

    [Fact]
    public async Task Two_cells_on_one_line_give_two_fields_each_ending_at_the_next_label()
    {
        // pdftotext joins cells that share a baseline into one line: "QTY: 2 MATERIAL: SAE 4140 HT".
        var sheet = BSizeSheet()
            .Text(820, 700, "QTY: 2", 8).Text(854, 700, "MATERIAL: SAE 4140 HT", 8)
            .Text(820, 740, "SCALE: 1:2", 8).Text(873, 740, "DWG NO: B-20417", 8).Text(950, 740, "REV: C", 8);

        var facts = (await _reader.ReadAsync(sheet)).TitleBlock;

        Assert.Equal(("SAE 4140 HT", "alloy_steel"), (facts.Material?.Value, facts.MaterialGroup));
        Assert.Equal(("B-20417", FactConfidence.High), (facts.DrawingNumber?.Value, facts.DrawingNumber?.Confidence));
        Assert.Equal("1:2", facts.Scale?.Value);
    }

    [Fact]
    public async Task Values_in_the_cell_below_or_to_the_right_of_a_capitals_label_are_read()
    {
        var sheet = BSizeSheet()
            .Text(820, 690, "MATERIAL", 5).Text(826, 704, "6061-T6 ALUMINUM", 9)
            .Text(960, 690, "TITLE:", 5).Text(966, 706, "MOTOR MOUNT", 12)
            .Text(960, 738, "DWG. NO.", 5).Text(1000, 738, "MM-0042", 9);

        var facts = (await _reader.ReadAsync(sheet)).TitleBlock;

        Assert.Equal(("6061-T6 ALUMINUM", "aluminium"), (facts.Material?.Value, facts.MaterialGroup));
        Assert.Equal("MOTOR MOUNT", facts.PartName?.Value);
        Assert.Equal(("MM-0042", FactConfidence.High), (facts.DrawingNumber?.Value, facts.DrawingNumber?.Confidence));
    }

    [Fact]
    public async Task A_grid_zone_marker_beside_an_empty_number_field_is_not_a_drawing_number()
    {
        // The empty DWG NO. and PART NO. cells sit just above the border, where zone markers 1 and 2 are printed.
        var sheet = BSizeSheet()
            .Text(1090, 770, "DWG NO.", 6)
            .Text(1000, 770, "PART NO.", 6)
            .Text(1160, 740, "SIZE", 6).Text(1170, 752, "B", 10);

        var facts = (await _reader.ReadAsync(sheet)).TitleBlock;

        Assert.Null(facts.DrawingNumber);
    }

    [Fact]
    public async Task A_name_lettered_over_two_lines_is_one_name()
    {
        var sheet = BSizeSheet()
            .Text(960, 690, "TITLE:", 5).Text(966, 712, "REAR RIGHT", 18).Text(990, 732, "UPRIGHT", 18)
            .Text(960, 748, "DWG NO.", 5).Text(980, 762, "NFR-23-104", 10);

        var facts = (await _reader.ReadAsync(sheet)).TitleBlock;

        Assert.Equal("REAR RIGHT UPRIGHT", facts.PartName?.Value);
        Assert.Equal("NFR-23-104", facts.DrawingNumber?.Value);
    }

    [Fact]
    public async Task The_sheet_scale_is_the_title_blocks_not_a_views()
    {
        var sheet = BSizeSheet()
            .Text(300, 420, "DETAIL B", 9).Text(300, 432, "SCALE 4:1", 9)
            .Text(960, 760, "SCALE: 1:2", 6).Text(1040, 760, "SHEET 1 OF 2", 6);

        var facts = (await _reader.ReadAsync(sheet)).TitleBlock;

        Assert.Equal(("1:2", "1/2"), (facts.Scale?.Value, facts.Sheet?.Value));
    }
}
