using TimeVision.Core.Estimating.Facts;

namespace TimeVision.Core.Tests.Facts;

/// <summary>
/// Plastics join the catalogue as <c>plastic</c>, and materials are matched as whole tokens: the shop system's gap
/// (shop-data.md §1, §8), where "al" inside "structural" made steel aluminium and "pa" inside any word made it plastic,
/// must not happen here.
/// </summary>
public sealed class PlasticAndWordMaterialTests
{
    [Theory]
    [InlineData("Lexan", "plastic")]
    [InlineData("LEXAN 9030 (polycarbonate)", "plastic")]
    [InlineData("Polycarbonate", "plastic")]
    [InlineData("POM-C black", "plastic")]
    [InlineData("PA6", "plastic")]
    [InlineData("PA 66 GF30", "plastic")]
    [InlineData("PEEK natural", "plastic")]
    [InlineData("PTFE", "plastic")]
    [InlineData("Delrin 150", "plastic")]
    [InlineData("Plàstic", "plastic")]
    [InlineData("Acero F-1140", "steel")]
    [InlineData("Acer inoxidable", "stainless_steel")]
    [InlineData("Aluminio", "aluminium")]
    [InlineData("Latón", "brass_bronze")]
    public void A_plastic_or_an_Iberian_material_word_gets_its_group(string material, string group)
    {
        Assert.Equal(group, MaterialCatalog.GroupOf(material));
    }

    [Theory]
    [InlineData("structural steel", "steel")]
    [InlineData("alloy steel", "alloy_steel")]
    [InlineData("Stainless Steel", "stainless_steel")]
    public void A_word_holding_al_or_pa_inside_it_is_not_aluminium_or_plastic(string material, string group)
    {
        Assert.Equal(group, MaterialCatalog.GroupOf(material));
    }

    [Theory]
    [InlineData("SPACER PLATE")]
    [InlineData("METAL PART")]
    [InlineData("PAINTED FINAL ASSEMBLY")]
    [InlineData("PALLET")]
    public void Words_that_only_contain_al_or_pa_are_no_material(string text)
    {
        Assert.Null(MaterialCatalog.Find(text));
    }
}
