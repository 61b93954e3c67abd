using TimeVision.Core.Estimating.Facts;

namespace TimeVision.Core.Tests.Facts;

/// <summary>Reading facts from text layers built by hand: labels in three languages, notes and features.</summary>
public sealed class DrawingFactsReaderTests
{
    [Fact]
    public void German_title_block_fields_are_read_beside_and_below_their_labels()
    {
        var page = new TextPages()
            .Line(500, 500, "BENENNUNG:").Line(520, 512, "Welle")
            .Line(500, 530, "WERKSTOFF:").Line(500, 541, "X5CrNi18-10")
            .Line(620, 530, "ZEICHNUNGSNR.").Line(630, 541, "ZN-4711")
            .Line(620, 560, "MASSSTAB:1:2").Line(700, 560, "BLATT 1 VON 2")
            .Line(40, 520, "Allgemeintoleranzen ISO 2768-mK")
            .Line(40, 540, "BEMASSUNGEN SIND IN MILLIMETER")
            .Page();

        var facts = DrawingFactsReader.Read(page).TitleBlock;

        Assert.Equal(("Welle", "X5CrNi18-10", "stainless_steel", "ZN-4711"), (facts.PartName?.Value, facts.Material?.Value, facts.MaterialGroup, facts.DrawingNumber?.Value));
        Assert.Equal(("1:2", "1/2", "ISO 2768-mK", "mm"), (facts.Scale?.Value, facts.Sheet?.Value, facts.GeneralTolerance?.Value, facts.Units?.Value));
        Assert.Equal(FactConfidence.High, facts.Material!.Confidence);
        Assert.Equal(new FactSource(1, "X5CrNi18-10", facts.Material.Source.Box), facts.Material.Source);
        Assert.Equal(500, facts.Material.Source.Box.X);
    }

    [Fact]
    public void English_and_Czech_labels_are_read_with_inline_values()
    {
        var english = new TextPages().Line(500, 500, "MATERIAL: EN AW-6082 T6").Line(500, 520, "DRAWING NO. TV-100").Line(500, 540, "SCALE: 2:1").Line(40, 40, "word word word").Page();
        var czech = new TextPages().Line(500, 500, "Materiál: 11SMnPb30").Line(500, 520, "Číslo výkresu: 2026-0815-A").Line(500, 540, "Měřítko 1:5").Line(40, 40, "slovo slovo slovo").Page();

        var en = DrawingFactsReader.Read(english).TitleBlock;
        var cz = DrawingFactsReader.Read(czech).TitleBlock;

        Assert.Equal(("EN AW-6082 T6", "aluminium", "TV-100", "2:1"), (en.Material?.Value, en.MaterialGroup, en.DrawingNumber?.Value, en.Scale?.Value));
        Assert.Equal(("11SMnPb30", "free_cutting_steel", "2026-0815-A", "1:5"), (cz.Material?.Value, cz.MaterialGroup, cz.DrawingNumber?.Value, cz.Scale?.Value));
    }

    [Fact]
    public void An_empty_field_stays_empty_and_a_note_with_a_label_word_is_not_a_label()
    {
        var page = new TextPages()
            .Line(500, 500, "MATERIAL:").Line(620, 500, "DWG NO.").Line(500, 540, "WEIGHT:")
            .Line(620, 540, "DO NOT SCALE DRAWING").Line(620, 552, "1:2")
            .Line(40, 40, "NAME SIGNATURE DATE")
            .Page();

        var facts = DrawingFactsReader.Read(page).TitleBlock;

        Assert.Null(facts.Material);
        Assert.Null(facts.DrawingNumber);
        Assert.Null(facts.Scale);
    }

    [Theory]
    [InlineData("DIMENSIONS ARE IN INCHES", "inch", FactConfidence.High)]
    [InlineData("Dimensions in millimeters", "mm", FactConfidence.High)]
    [InlineData("ROZMĚRY V MM", "mm", FactConfidence.High)]
    public void A_units_note_is_high_confidence(string note, string units, FactConfidence confidence)
    {
        var facts = DrawingFactsReader.Read(new TextPages().Line(40, 40, note).Line(40, 60, "10 20 30 40").Page()).TitleBlock.Units;

        Assert.Equal((units, confidence), (facts?.Value, facts?.Confidence));
    }

    [Fact]
    public void Inch_numbers_under_a_template_millimetre_note_make_an_inch_drawing_flagged_on_every_sheet()
    {
        var inchSheet = new TextPages().Line(40, 40, "DIMENSIONS ARE IN MILLIMETERS")
            .Line(100, 100, "0.250 1.350 0.750 2.380 2.542 1.190 0.755 0.320 .120 3.976").Page(2);
        var titleSheet = new TextPages().Line(40, 40, "DIMENSIONS ARE IN MILLIMETERS").Line(100, 100, "NOTES ONLY HERE").Page(1);

        var pages = DrawingFactsReader.Consolidate([DrawingFactsReader.Read(titleSheet), DrawingFactsReader.Read(inchSheet)]);

        Assert.All(pages, p => Assert.Equal(("inch", FactConfidence.Medium), (p.TitleBlock.Units?.Value, p.TitleBlock.Units?.Confidence)));
        Assert.All(pages, p => Assert.Contains(DrawingFactsReader.UnitsNoteContradicted, p.Flags));
    }

    [Fact]
    public void Features_are_read_with_their_numbers_and_sources()
    {
        var page = new TextPages()
            .Line(100, 100, "Ø20 h6").Line(100, 120, "4x M8").Line(100, 140, "M6x1 - 6H").Line(100, 160, "1/4-20 UNC")
            .Line(100, 180, "4-40 UNC - 2B").Line(100, 200, "Ra 0,8").Line(100, 220, "Rz 2.5").Line(100, 240, "CHAMFER 0,2")
            .Line(100, 260, "1x45°").Line(100, 280, "2xØ8,80 H7").Line(100, 300, "IT6").Line(100, 320, "0.3 M A M")
            .Page();

        var features = DrawingFactsReader.Read(page).Features;

        Assert.Equal(["Ø20", "Ø8.8"], features.Diameters.Select(d => d.Value));
        Assert.Equal(["M8", "M6x1", "1/4-20 UNC", "4-40 UNC"], features.Threads.Select(t => t.Value));
        Assert.Equal(["h6", "H7", "IT6"], features.Fits.Select(f => f.Value));
        Assert.Equal(["Ra 0.8", "Rz 2.5"], features.Roughness.Select(r => r.Value));
        Assert.Equal(["0.2x45°", "1x45°"], features.Chamfers.Select(c => c.Value));
        Assert.Equal(["4x M8", "2x Ø8,80"], features.Counts.Select(c => c.Value));
        Assert.Equal((4, "4x M8"), ((int?)features.Counts[0].Number, features.Counts[0].Source.Text));
    }

    [Theory]
    [InlineData("1.4301", "stainless_steel")]
    [InlineData("X5CrNi18-10", "stainless_steel")]
    [InlineData("EN AW-6082 T6", "aluminium")]
    [InlineData("AlMg4.5Mn", "aluminium")]
    [InlineData("11SMnPb30", "free_cutting_steel")]
    [InlineData("C45", "steel")]
    [InlineData("S235JR", "steel")]
    [InlineData("7075-T6", "aluminium")]
    [InlineData("6061-T6 aluminum", "aluminium")]
    [InlineData("POM", "plastic")]
    [InlineData("CuZn39Pb3", "brass_bronze")]
    [InlineData("42CrMo4", "alloy_steel")]
    [InlineData("Stainless Steel", "stainless_steel")]
    [InlineData("Stahl", "steel")]
    public void Material_designations_are_recognised_with_their_group(string designation, string group)
    {
        var facts = DrawingFactsReader.Read(new TextPages().Line(500, 500, "WERKSTOFF:").Line(500, 511, designation).Line(40, 40, "word word word word").Page()).TitleBlock;

        Assert.Equal((designation, group), (facts.Material?.Value, facts.MaterialGroup));
    }

    [Fact]
    public void A_standalone_N_grade_is_roughness_and_one_inside_a_sentence_is_not()
    {
        var features = DrawingFactsReader.Read(new TextPages().Line(100, 100, "N7").Line(100, 120, "NOTE N7 APPLIES TO ALL FACES").Line(40, 40, "word word").Page()).Features;

        var grade = Assert.Single(features.Roughness);
        Assert.Equal(("N7", 1.6), (grade.Value, grade.Number));
    }

    [Fact]
    public void A_page_without_a_text_layer_is_flagged_and_gets_no_facts()
    {
        var facts = DrawingFactsReader.Read(new TextPage(1, 842, 595, []));

        Assert.Equal([PageFacts.NoTextLayer], facts.Flags);
        Assert.False(facts.HasText);
        Assert.Equal(new TitleBlockFacts(), facts.TitleBlock);
        Assert.Empty(facts.Features.Threads);
    }

    [Fact]
    public void Poppler_bbox_xhtml_is_parsed_into_pages_lines_and_word_boxes()
    {
        const string xhtml = """
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
            <html xmlns="http://www.w3.org/1999/xhtml"><head><title></title></head><body><doc>
              <page width="842.000000" height="595.000000"><flow><block xMin="1" yMin="2" xMax="3" yMax="4">
                <line xMin="10" yMin="20" xMax="80" yMax="28"><word xMin="10.5" yMin="20" xMax="40" yMax="28">MATERIAL:</word><word xMin="45" yMin="20" xMax="80" yMax="28">C45&amp;E</word></line>
              </block></flow></page>
              <page width="595" height="842"></page>
            </doc></body></html>
            """;

        var pages = PopplerTextReader.Parse(xhtml, firstPageNumber: 3);

        Assert.Equal([3, 4], pages.Select(p => p.Number));
        var line = Assert.Single(pages[0].Lines);
        Assert.Equal("MATERIAL: C45&E", line.Text);
        Assert.Equal(new TextBox(10.5, 20, 69.5, 8), line.Box);
        Assert.Empty(pages[1].Lines);
    }

    [Fact]
    public void Control_characters_pdftotext_passes_through_from_a_broken_font_or_document_info_are_dropped_and_the_page_is_still_read()
    {
        // A font without a usable ToUnicode map, or a damaged /Info string, gives characters XML 1.0 forbids, and
        // pdftotext writes them as they are: found by fuzzing (18 of 1,000 mutated drawings lost every fact on the page).
        var xhtml = $$"""
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
            <html xmlns="http://www.w3.org/1999/xhtml"><head><title></title><meta name="Creator" content="CAD{{'\u0011'}} 2019"/></head><body><doc>
              <page width="842.000000" height="595.000000"><flow><block xMin="1" yMin="2" xMax="3" yMax="4">
                <line xMin="10" yMin="20" xMax="80" yMax="28"><word xMin="10" yMin="20" xMax="40" yMax="28">{{'\u0017'}}</word><word xMin="45" yMin="20" xMax="80" yMax="28">MATERIAL:{{'\u0003'}}C45</word></line>
              </block></flow></page>
            </doc></body></html>
            """;

        var pages = PopplerTextReader.Parse(xhtml, firstPageNumber: 1);

        var line = Assert.Single(Assert.Single(pages).Lines);
        Assert.Equal("MATERIAL:C45", line.Text);
        Assert.Equal(new TextBox(45, 20, 35, 8), line.Box);
    }
}
