using TimeVision.Core.Estimating.Facts;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Facts;

/// <summary>
/// Chinese GB title blocks read through Poppler: 材料, 图号, 名称, 比例, 重量 with the value in the next cell or glued to
/// the label in one word (Chinese text has no spaces), the notes under 技术要求 and the general-tolerance table.
/// </summary>
public sealed class ChineseTitleBlockTests : IDisposable
{
    private readonly SheetReader _reader = new();

    public void Dispose() => _reader.Dispose();

    /// <summary>An A3 sheet with its grid and metric dimensions, no units note (GB drawings state none).</summary>
    private static TextPdf A3Sheet() =>
        new TextPdf(1191, 842).WithGrid().WithDimensions("Ø42", "120", "35", "M10", "2×45°", "Ra 1.6", "R3", "Ø28 h6");

    [Fact]
    public async Task Labels_with_their_values_in_the_next_cell_are_read()
    {
        var sheet = A3Sheet()
            .Text(760, 730, "名称", 8).Text(820, 732, "传动轴", 12)
            .Text(760, 760, "材料", 8).Text(820, 762, "45钢", 12)
            .Text(960, 730, "图号", 8).Text(1010, 732, "ZJ100-02-03", 10)
            .Text(960, 760, "比例", 8).Text(1010, 762, "1:2", 10)
            .Text(960, 790, "重量", 8).Text(1010, 792, "2.5kg", 10);

        var facts = (await _reader.ReadAsync(sheet)).TitleBlock;

        Assert.Equal(("传动轴", "45钢", "steel"), (facts.PartName?.Value, facts.Material?.Value, facts.MaterialGroup));
        Assert.Equal(("ZJ100-02-03", FactConfidence.High), (facts.DrawingNumber?.Value, facts.DrawingNumber?.Confidence));
        Assert.Equal(("1:2", "2.5kg"), (facts.Scale?.Value, facts.Weight?.Value));
    }

    [Fact]
    public async Task Values_glued_to_their_labels_in_one_word_are_read()
    {
        // pdftotext gives each of these as one word: nothing separates a Chinese label from its value.
        var sheet = A3Sheet()
            .Text(760, 730, "名称：支架", 10)
            .Text(760, 760, "材料:Q235", 10)
            .Text(960, 730, "图号GB-2024-017", 10)
            .Text(960, 760, "比例1:5", 10);

        var facts = (await _reader.ReadAsync(sheet)).TitleBlock;

        Assert.Equal(("支架", "Q235", "steel"), (facts.PartName?.Value, facts.Material?.Value, facts.MaterialGroup));
        Assert.Equal(("GB-2024-017", "1:5"), (facts.DrawingNumber?.Value, facts.Scale?.Value));
    }

    [Fact]
    public async Task A_grid_marker_beside_the_sheet_size_is_not_the_drawing_number_and_the_number_in_the_drawing_number_cell_is_not_the_name()
    {
        // The number with its revision letter sits under 图号, nearer to it than to 名称; "9 A4" is a zone marker and the paper size.
        var sheet = A3Sheet()
            .Text(760, 760, "名称", 8).Text(860, 760, "图号", 8).Text(1010, 761, "9", 9).Text(1024, 761, "A4", 9)
            .Text(866, 778, "ZJ-02-15 A", 10);

        var facts = (await _reader.ReadAsync(sheet)).TitleBlock;

        Assert.Equal(("ZJ-02-15 A", FactConfidence.High), (facts.DrawingNumber?.Value, facts.DrawingNumber?.Confidence));
        Assert.Null(facts.PartName);
    }

    [Theory]
    [InlineData("材料45", "45", "steel")]
    [InlineData("材料40Cr", "40Cr", "alloy_steel")]
    [InlineData("材料HT250", "HT250", "cast_iron")]
    [InlineData("材料6061铝", "6061铝", "aluminium")]
    [InlineData("材质：1Cr18Ni9Ti", "1Cr18Ni9Ti", "stainless_steel")]
    public async Task A_material_glued_to_its_label_is_read_with_its_group(string word, string material, string group)
    {
        var facts = (await _reader.ReadAsync(A3Sheet().Text(760, 760, word, 10))).TitleBlock;

        Assert.Equal((material, group, FactConfidence.High), (facts.Material?.Value, facts.MaterialGroup, facts.Material?.Confidence));
    }

    [Fact]
    public async Task A_label_lettered_with_wide_spacing_is_still_a_label()
    {
        // "材  料" comes out of pdftotext as two words, 材 and 料.
        var sheet = A3Sheet()
            .Text(760, 760, "材", 8).Text(772, 760, "料", 8).Text(820, 762, "QT450-10", 12)
            .Text(960, 760, "图", 8).Text(972, 760, "号", 8).Text(1010, 762, "ZJ-500-01", 10);

        var facts = (await _reader.ReadAsync(sheet)).TitleBlock;

        Assert.Equal(("QT450-10", "cast_iron"), (facts.Material?.Value, facts.MaterialGroup));
        Assert.Equal(("ZJ-500-01", FactConfidence.High), (facts.DrawingNumber?.Value, facts.DrawingNumber?.Confidence));
    }

    [Fact]
    public async Task A_label_word_or_a_metals_character_inside_a_note_is_not_a_material()
    {
        // "材料硬度…" (the material's hardness…) starts with the label 材料 but is a sentence; 45 below it is a
        // dimension; 钢印 is a steel stamp, not steel.
        var sheet = A3Sheet()
            .Text(100, 500, "技术要求", 10)
            .Text(100, 514, "材料硬度HRC28~32", 9)
            .Text(110, 528, "45", 9)
            .Text(100, 542, "3. 在指定位置打钢印标记。", 9);

        var facts = (await _reader.ReadAsync(sheet)).TitleBlock;

        Assert.Null(facts.Material);
    }

    [Fact]
    public async Task Notes_under_the_technical_requirements_give_the_general_tolerance_and_millimetres_at_medium_confidence()
    {
        var sheet = A3Sheet()
            .Text(100, 500, "技术要求", 10)
            .Text(100, 514, "1. 未注公差按GB/T 1804-m。", 9)
            .Text(100, 528, "2. 调质处理HB220~250。", 9);

        var facts = (await _reader.ReadAsync(sheet)).TitleBlock;

        Assert.Equal("GB/T 1804-m", facts.GeneralTolerance?.Value);
        Assert.Equal(("mm", FactConfidence.Medium), (facts.Units?.Value, facts.Units?.Confidence));
    }

    [Fact]
    public async Task A_general_tolerance_table_says_millimetres_at_medium_confidence()
    {
        var sheet = A3Sheet()
            .Text(100, 480, "线性尺寸的极限偏差数值", 9)
            .Text(100, 494, "公差等级", 8).Text(160, 494, "0.5~3", 8).Text(200, 494, ">3~6", 8).Text(240, 494, ">6~30", 8)
            .Text(100, 508, "m（中等级）", 8).Text(160, 508, "±0.1", 8).Text(200, 508, "±0.1", 8).Text(240, 508, "±0.2", 8);

        var facts = (await _reader.ReadAsync(sheet)).TitleBlock;

        Assert.Equal(("mm", FactConfidence.Medium), (facts.Units?.Value, facts.Units?.Confidence));
    }

    [Fact]
    public async Task A_units_note_in_Chinese_is_high_confidence()
    {
        var facts = (await _reader.ReadAsync(A3Sheet().Text(100, 500, "尺寸单位：mm", 9))).TitleBlock;

        Assert.Equal(("mm", FactConfidence.High), (facts.Units?.Value, facts.Units?.Confidence));
    }
}
