using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Vision.Prompts;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Vision;

public sealed class PromptCatalogTests
{
    [Theory]
    [InlineData("gpt-4o-2024-08-06", "base", "openai")]
    [InlineData("gpt-4.1", "base", "openai")]
    [InlineData("ft:gpt-4o-2024-08-06:shop::abc123", "ft", "openai_ft")]
    public void A_fine_tuned_model_gets_the_ft_set_and_others_the_base_set(string model, string set, string provider)
    {
        using var services = CoreServices.Create();

        Assert.Equal(set, services.Get<PromptCatalog>().ForModel(model).Id);
        Assert.Equal(provider, ModelIds.ProviderTag(model));
    }

    [Fact]
    public void Configuration_can_force_a_set()
    {
        using var services = CoreServices.Create(("Vision:PromptSet", "base"));

        Assert.Equal("base", services.Get<PromptCatalog>().ForModel("ft:gpt-4o-2024-08-06:shop::abc").Id);
    }

    [Fact]
    public void The_reading_set_cannot_be_forced_on_estimates()
    {
        using var services = CoreServices.Create(("Vision:PromptSet", "reading"));

        var failure = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => services.Get<Microsoft.Extensions.Options.IOptions<Estimating.Vision.VisionOptions>>().Value);

        Assert.Contains("Vision:PromptSet: 'reading' asks for the part's features alone", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_sets_are_czech_with_versions_and_distinct_hashes()
    {
        using var services = CoreServices.Create();
        var catalog = services.Get<PromptCatalog>();

        var full = catalog.Get("base");
        var compact = catalog.Get("ft");

        Assert.Contains("strojní čas", full.SystemText, StringComparison.Ordinal);
        Assert.Contains("hliník 0,40", full.SystemText, StringComparison.Ordinal);
        Assert.True(compact.SystemText.Length < full.SystemText.Length / 3);
        Assert.False(string.IsNullOrWhiteSpace(full.Version));
        Assert.Matches("^[0-9a-f]{64}$", full.Hash);
        Assert.NotEqual(full.Hash, compact.Hash);
    }

    [Fact]
    public void A_folder_overrides_a_set_and_its_hash_follows_the_text()
    {
        using var folder = new TempFolder();
        var setFolder = Directory.CreateDirectory(Path.Combine(folder.Path, "base")).FullName;
        File.WriteAllText(Path.Combine(setFolder, "prompt.json"), """{ "id": "base", "version": "shop-2" }""");
        File.WriteAllText(Path.Combine(setFolder, "system.md"), "Jsi technolog.\n");
        File.WriteAllText(Path.Combine(setFolder, "user.md"), "Odhadni čas.\n");
        using var services = CoreServices.Create(("Vision:PromptDirectory", folder.Path));
        using var shipped = CoreServices.Create();

        var set = services.Get<PromptCatalog>().Get("base");

        Assert.Equal(("shop-2", "Jsi technolog.", "Odhadni čas."), (set.Version, set.SystemText, set.UserText));
        Assert.Equal(new PromptSet("x", "y", "Jsi technolog.", "Odhadni čas.").Hash, set.Hash);
        Assert.NotEqual(shipped.Get<PromptCatalog>().Get("base").Hash, set.Hash);
        Assert.Equal(shipped.Get<PromptCatalog>().Get("ft").Hash, services.Get<PromptCatalog>().Get("ft").Hash);
    }

    [Fact]
    public void A_features_folder_replaces_the_section_that_follows_the_base_set_and_is_no_set_of_its_own()
    {
        using var folder = new TempFolder();
        var setFolder = Directory.CreateDirectory(Path.Combine(folder.Path, "features")).FullName;
        File.WriteAllText(Path.Combine(setFolder, "prompt.json"), """{ "id": "features", "version": "shop-1" }""");
        File.WriteAllText(Path.Combine(setFolder, "system.md"), "Vypiš obráběné prvky.\n");
        File.WriteAllText(Path.Combine(setFolder, "user.md"), "Nejdřív prvky.\n");
        using var services = CoreServices.Create(("Vision:PromptDirectory", folder.Path));
        var catalog = services.Get<PromptCatalog>();

        var served = catalog.ForModel("gpt-4.1");

        Assert.True(served.ReadsFeatures);
        Assert.Equal("1.0.0+features.shop-1", served.Version);
        Assert.Equal(catalog.Get("base").SystemText + "\n\nVypiš obráběné prvky.", served.SystemText);
        Assert.EndsWith("\n\nNejdřív prvky.", served.UserText, StringComparison.Ordinal);
        Assert.False(catalog.ForModel("ft:gpt-4o-2024-08-06:shop::abc").ReadsFeatures);
        Assert.Throws<KeyNotFoundException>(() => catalog.Get(PromptCatalog.FeaturesSectionId));
    }
}
