using TimeVision.Core.Estimating.Facts;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Facts;

/// <summary>
/// Standard material designations (EN, W.-Nr., AISI/SAE, ČSN, GB) and their machinability groups; bare grade numbers
/// are materials in a material field only, never a dimension or a tooth count elsewhere on the sheet.
/// </summary>
public sealed class MaterialDesignationTests : IDisposable
{
    private readonly SheetReader _reader = new();

    public void Dispose() => _reader.Dispose();

    [Theory]
    // EN names
    [InlineData("C45E", "steel")]
    [InlineData("S235JR", "steel")]
    [InlineData("42CrMo4+QT", "alloy_steel")]
    [InlineData("16MnCr5", "alloy_steel")]
    [InlineData("11SMnPb30", "free_cutting_steel")]
    [InlineData("X153CrMoV12", "tool_steel")]
    [InlineData("X38CrMoV5-1", "tool_steel")]
    [InlineData("X2CrNiMo17-12-2", "stainless_steel")]
    [InlineData("X20Cr13", "stainless_steel")]
    [InlineData("EN AW-6082 T6", "aluminium")]
    [InlineData("EN-GJS-400-15", "cast_iron")]
    [InlineData("CW614N", "brass_bronze")]
    [InlineData("Cu-ETP", "copper")]
    // Werkstoff numbers
    [InlineData("1.1213 (CF53)", "steel")]
    [InlineData("1.0503", "steel")]
    [InlineData("1.0715", "free_cutting_steel")]
    [InlineData("1.2379", "tool_steel")]
    [InlineData("1.3343", "tool_steel")]
    [InlineData("1.3505", "alloy_steel")]
    [InlineData("1.4301", "stainless_steel")]
    [InlineData("1.7225", "alloy_steel")]
    [InlineData("0.6025", "cast_iron")]
    [InlineData("2.0060", "copper")]
    [InlineData("2.0401", "brass_bronze")]
    [InlineData("3.3547", "aluminium")]
    [InlineData("3.7165", "titanium")]
    // AISI / SAE / AA
    [InlineData("AISI1020", "steel")]
    [InlineData("AISI 1045", "steel")]
    [InlineData("SAE 4140", "alloy_steel")]
    [InlineData("AISI 304/316", "stainless_steel")]
    [InlineData("AISI 440C", "stainless_steel")]
    [InlineData("12L14", "free_cutting_steel")]
    [InlineData("1215", "free_cutting_steel")]
    [InlineData("AISI D2", "tool_steel")]
    [InlineData("8620", "alloy_steel")]
    [InlineData("52100", "alloy_steel")]
    [InlineData("303", "stainless_steel")]
    [InlineData("6061", "aluminium")]
    [InlineData("7075-T651", "aluminium")]
    // ČSN classes
    [InlineData("11 523", "steel")]
    [InlineData("12 050.1", "steel")]
    [InlineData("11 109", "free_cutting_steel")]
    [InlineData("14 220", "alloy_steel")]
    [InlineData("15 142", "alloy_steel")]
    [InlineData("17 240", "stainless_steel")]
    [InlineData("19 436", "tool_steel")]
    [InlineData("42 2420", "cast_iron")]
    [InlineData("42 3213", "brass_bronze")]
    [InlineData("42 4201", "aluminium")]
    [InlineData("ČSN 41 1523", "steel")]
    [InlineData("KR 30 ČSN 42 6510 - 11 523", "steel")]
    // GB grades
    [InlineData("45钢", "steel")]
    [InlineData("45#", "steel")]
    [InlineData("45", "steel")]
    [InlineData("Q235", "steel")]
    [InlineData("Q345B", "steel")]
    [InlineData("65Mn", "steel")]
    [InlineData("40Cr", "alloy_steel")]
    [InlineData("20CrMnTi", "alloy_steel")]
    [InlineData("42CrMo", "alloy_steel")]
    [InlineData("GCr15", "alloy_steel")]
    [InlineData("HT200", "cast_iron")]
    [InlineData("HT250", "cast_iron")]
    [InlineData("QT450-10", "cast_iron")]
    [InlineData("6061铝", "aluminium")]
    [InlineData("2A12", "aluminium")]
    [InlineData("H62", "brass_bronze")]
    [InlineData("HPb59-1", "brass_bronze")]
    [InlineData("T2", "copper")]
    [InlineData("1Cr18Ni9Ti", "stainless_steel")]
    [InlineData("06Cr19Ni10", "stainless_steel")]
    [InlineData("T10A", "tool_steel")]
    [InlineData("Cr12MoV", "tool_steel")]
    [InlineData("TC4", "titanium")]
    public void A_designation_in_a_material_field_maps_to_its_group(string designation, string group)
    {
        Assert.Equal(group, MaterialCatalog.FindInField(designation)?.Group);
        Assert.Equal(group, MaterialCatalog.GroupOf(designation));
    }

    [Theory]
    [InlineData("1.4301")]
    [InlineData("45")]
    [InlineData("T10")]
    [InlineData("6061")]
    [InlineData("11 523")]
    [InlineData("H62")]
    [InlineData("303")]
    [InlineData("钢")]
    public void A_bare_grade_is_a_material_in_its_field_but_not_elsewhere_on_the_sheet(string text)
    {
        Assert.NotNull(MaterialCatalog.FindInField(text));
        Assert.Null(MaterialCatalog.Find(text));
    }

    [Theory]
    [InlineData("ČSN 42 6510")]
    [InlineData("2024-06-14")]
    [InlineData("Center Pulley AT3 T10")]
    [InlineData("12V DC")]
    public void Standards_dates_and_tooth_counts_are_not_materials(string text)
    {
        Assert.Null(MaterialCatalog.FindInField(text));
    }

    [Theory]
    [InlineData("Werkstoff: 1.2379 (X153CrMoV12)", "tool_steel")]
    [InlineData("Werkstoff EN-GJL-250", "cast_iron")]
    [InlineData("MATERIAL: AISI 304/316", "stainless_steel")]
    [InlineData("material: SAE 12L14", "free_cutting_steel")]
    [InlineData("Materiál: 17 240", "stainless_steel")]
    [InlineData("Materiál: 42 4201", "aluminium")]
    [InlineData("Polotovar: KR 30 ČSN 42 6510 - 11 523", "steel")]
    [InlineData("材料 QT450-10", "cast_iron")]
    [InlineData("材料：H62黄铜", "brass_bronze")]
    public async Task A_material_field_in_each_language_is_read_through_Poppler_with_its_group(string field, string group)
    {
        var sheet = new TextPdf().WithGrid(6).WithDimensions("120", "45", "Ø20", "M8").Text(560, 520, field, 9);

        var facts = (await _reader.ReadAsync(sheet)).TitleBlock;

        Assert.Equal((group, FactConfidence.High), (facts.MaterialGroup, facts.Material?.Confidence));
    }

    [Fact]
    public async Task Four_decimal_inch_dimensions_and_a_pulleys_tooth_count_are_not_read_as_materials()
    {
        var sheet = new TextPdf().WithGrid(6)
            .WithDimensions("1.2500", "1.4375", "0.6250", "2.0625", "3.0000", "1.7500", ".3125", "2.5000")
            .Text(560, 520, "Center Pulley AT3 T10", 10);

        var facts = (await _reader.ReadAsync(sheet)).TitleBlock;

        Assert.Null(facts.Material);
        Assert.Equal("inch", facts.Units?.Value);
    }
}
