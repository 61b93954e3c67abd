using TimeVision.Core.Estimating.Facts;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Facts;

/// <summary>
/// Catalan and Spanish title blocks read through Poppler: Referència / Referencia, Peça / Pieza, Plano, Escala,
/// Material, Quant., Mides màx., Hoja / Full, with values in the next cell below or to the right.
/// </summary>
public sealed class IberianTitleBlockTests : IDisposable
{
    private readonly SheetReader _reader = new();

    public void Dispose() => _reader.Dispose();

    /// <summary>An A4 landscape sheet with its grid and metric dimensions with decimal commas, no units note.</summary>
    private static TextPdf A4Sheet() =>
        new TextPdf().WithGrid(6).WithDimensions("120", "62,5", "Ø8 H7", "17,5", "M6");

    [Fact]
    public async Task Catalan_labels_give_reference_piece_scale_and_material_and_keep_quantity_and_size_apart()
    {
        var sheet = A4Sheet()
            .Text(480, 470, "Referència", 6).Text(484, 484, "EX-2025-014", 10)
            .Text(600, 470, "Peça", 6).Text(604, 484, "Suport motor", 10)
            .Text(480, 505, "Material", 6).Text(484, 519, "Alumini 6082", 10)
            .Text(600, 505, "Quant.", 6).Text(604, 519, "4", 10)
            .Text(680, 505, "Mides màx.", 6).Text(684, 519, "120x80x20", 10)
            .Text(480, 540, "Escala", 6).Text(484, 554, "1:2", 10)
            .Text(600, 540, "Full 1 de 1", 6);

        var facts = (await _reader.ReadAsync(sheet)).TitleBlock;

        Assert.Equal(("EX-2025-014", FactConfidence.High), (facts.DrawingNumber?.Value, facts.DrawingNumber?.Confidence));
        Assert.Equal(("Suport motor", "Alumini 6082", "aluminium"), (facts.PartName?.Value, facts.Material?.Value, facts.MaterialGroup));
        Assert.Equal(("1:2", "1/1"), (facts.Scale?.Value, facts.Sheet?.Value));
    }

    [Fact]
    public async Task Spanish_labels_prefer_the_plan_number_over_the_reference()
    {
        var sheet = A4Sheet()
            .Text(480, 470, "Pieza:", 6).Text(520, 470, "Eje de transmisión", 9)
            .Text(480, 490, "Material:", 6).Text(520, 490, "Acero inoxidable AISI 304", 9)
            .Text(480, 510, "Referencia:", 6).Text(530, 510, "REF-7731", 9)
            .Text(650, 510, "Plano:", 6).Text(690, 510, "PL-0815-02", 9)
            .Text(480, 530, "Escala:", 6).Text(520, 530, "2:1", 9)
            .Text(650, 530, "Hoja 1 de 2", 6);

        var facts = (await _reader.ReadAsync(sheet)).TitleBlock;

        Assert.Equal(("PL-0815-02", FactConfidence.High), (facts.DrawingNumber?.Value, facts.DrawingNumber?.Confidence));
        Assert.Equal(("Eje de transmisión", "stainless_steel"), (facts.PartName?.Value, facts.MaterialGroup));
        Assert.Equal(("2:1", "1/2"), (facts.Scale?.Value, facts.Sheet?.Value));
    }

    [Fact]
    public async Task A_Spanish_reference_alone_is_the_drawing_number()
    {
        var sheet = A4Sheet().Text(480, 470, "Referencia", 6).Text(484, 484, "R-100-3", 10);

        var facts = (await _reader.ReadAsync(sheet)).TitleBlock;

        Assert.Equal(("R-100-3", FactConfidence.High), (facts.DrawingNumber?.Value, facts.DrawingNumber?.Confidence));
    }
}
