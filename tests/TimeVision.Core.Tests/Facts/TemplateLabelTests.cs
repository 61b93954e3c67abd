using TimeVision.Core.Estimating.Facts;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Facts;

/// <summary>
/// Title blocks from CAD templates with several number fields, read through Poppler: English labels as non-native
/// templates write them (<c>material:</c>, <c>part nr.:</c>, <c>document number:</c>, <c>name:</c>) and the German and
/// Czech equivalents. The drawing number is chosen by its label: drawing number, then document number, then part number.
/// </summary>
public sealed class TemplateLabelTests : IDisposable
{
    private readonly SheetReader _reader = new();

    public void Dispose() => _reader.Dispose();

    /// <summary>An A3 sheet with its grid and metric dimensions.</summary>
    private static TextPdf A3Sheet() =>
        new TextPdf(1191, 842).WithGrid().WithDimensions("120", "85", "Ø12 H7", "4x M6", "R5", "2x45°", "62,5", "17,5");

    [Fact]
    public async Task Lower_case_labels_with_a_colon_give_material_name_and_the_document_number_over_the_part_number()
    {
        var sheet = A3Sheet()
            .Text(800, 730, "name: Clamping jaw", 9)
            .Text(800, 750, "material: 1.1213 (CF53)", 9)
            .Text(800, 770, "part nr.: 100-2231", 9)
            .Text(1000, 770, "document number: D-2024-0815", 9);

        var facts = (await _reader.ReadAsync(sheet)).TitleBlock;

        Assert.Equal("Clamping jaw", facts.PartName?.Value);
        Assert.Equal(("1.1213 (CF53)", "steel"), (facts.Material?.Value, facts.MaterialGroup));
        Assert.Equal(("D-2024-0815", FactConfidence.Medium), (facts.DrawingNumber?.Value, facts.DrawingNumber?.Confidence));
    }

    [Fact]
    public async Task Values_in_the_next_cell_to_the_right_of_template_labels_are_read()
    {
        var sheet = A3Sheet()
            .Text(800, 750, "material:", 6).Text(880, 752, "EN AW-6082 T651", 10)
            .Text(800, 770, "part nr.:", 6).Text(880, 772, "PN-77120", 10)
            .Text(800, 790, "document number:", 6).Text(880, 792, "DOC-5521-B", 10);

        var facts = (await _reader.ReadAsync(sheet)).TitleBlock;

        Assert.Equal(("EN AW-6082 T651", "aluminium"), (facts.Material?.Value, facts.MaterialGroup));
        Assert.Equal(("DOC-5521-B", FactConfidence.Medium), (facts.DrawingNumber?.Value, facts.DrawingNumber?.Confidence));
    }

    [Fact]
    public async Task A_drawing_number_field_wins_over_a_part_number_at_high_confidence()
    {
        var sheet = A3Sheet()
            .Text(800, 750, "PART NO.", 6).Text(800, 764, "4711", 10)
            .Text(950, 750, "DWG NO.", 6).Text(950, 764, "TV-100-03", 10)
            .Text(1080, 750, "DOCUMENT NO.", 6).Text(1080, 764, "Q-88", 10);

        var facts = (await _reader.ReadAsync(sheet)).TitleBlock;

        Assert.Equal(("TV-100-03", FactConfidence.High), (facts.DrawingNumber?.Value, facts.DrawingNumber?.Confidence));
    }

    [Fact]
    public async Task German_labels_give_the_drawing_number_over_the_part_number_and_a_werkstoff_number()
    {
        var sheet = A3Sheet()
            .Text(800, 730, "Benennung", 6).Text(800, 744, "Lagerbock", 11)
            .Text(800, 770, "Werkstoff", 6).Text(800, 784, "1.0503 C45", 10)
            .Text(950, 730, "Teilenummer", 6).Text(950, 744, "70-1102", 10)
            .Text(950, 770, "Zeichnungsnummer", 6).Text(950, 784, "Z-70-1102-01", 10);

        var facts = (await _reader.ReadAsync(sheet)).TitleBlock;

        Assert.Equal(("Lagerbock", "1.0503 C45", "steel"), (facts.PartName?.Value, facts.Material?.Value, facts.MaterialGroup));
        Assert.Equal(("Z-70-1102-01", FactConfidence.High), (facts.DrawingNumber?.Value, facts.DrawingNumber?.Confidence));
    }

    [Fact]
    public async Task Czech_labels_give_the_document_number_when_the_drawing_number_field_is_empty()
    {
        var sheet = A3Sheet()
            .Text(800, 730, "Název:", 6).Text(800, 744, "Příruba", 11)
            .Text(800, 770, "Materiál:", 6).Text(800, 784, "11 523.1", 10)
            .Text(950, 730, "Číslo dílu:", 6).Text(950, 744, "3-120-7", 10)
            .Text(950, 770, "Číslo dokumentu:", 6).Text(950, 784, "VD-2026-014", 10)
            .Text(1080, 770, "Číslo výkresu:", 6);

        var facts = (await _reader.ReadAsync(sheet)).TitleBlock;

        Assert.Equal(("Příruba", "11 523.1", "steel"), (facts.PartName?.Value, facts.Material?.Value, facts.MaterialGroup));
        Assert.Equal(("VD-2026-014", FactConfidence.Medium), (facts.DrawingNumber?.Value, facts.DrawingNumber?.Confidence));
    }

    [Theory]
    [InlineData("PART NO.", "4471-210")]
    [InlineData("part nr.:", "100-2231")]
    [InlineData("Teilenummer", "70-1102")]
    [InlineData("Ident-Nr.", "ID-4711-03")]
    [InlineData("Číslo dílu:", "3-120-7")]
    [InlineData("零件号", "LJ-02-05")]
    public async Task A_part_number_field_alone_gives_the_drawing_number_at_medium_confidence(string label, string number)
    {
        var facts = (await _reader.ReadAsync(A3Sheet().Text(950, 750, label, 6).Text(950, 764, number, 10))).TitleBlock;

        Assert.Equal((number, FactConfidence.Medium), (facts.DrawingNumber?.Value, facts.DrawingNumber?.Confidence));
    }

    [Fact]
    public async Task A_name_column_header_and_a_persons_name_are_not_the_parts_name()
    {
        var sheet = A3Sheet()
            .Text(800, 730, "NAME", 6).Text(850, 730, "SIGNATURE", 6).Text(920, 730, "DATE", 6)
            .Text(800, 744, "J. Novak", 8).Text(920, 744, "2026-01-12", 8)
            .Text(800, 770, "DRAWN NAME: J. SMITH", 6);

        var facts = (await _reader.ReadAsync(sheet)).TitleBlock;

        Assert.Null(facts.PartName);
    }
}
