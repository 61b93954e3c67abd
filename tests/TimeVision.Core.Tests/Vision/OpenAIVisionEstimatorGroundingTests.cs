using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.Vision;
using TimeVision.Core.Estimating.Vision.Prompts;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing;
using TimeVision.Testing.FakeOpenAI;

namespace TimeVision.Core.Tests.Vision;

/// <summary>The text-layer facts in the prompt (as the fake server sees them on the wire) and the answer checks against them.</summary>
public sealed class OpenAIVisionEstimatorGroundingTests : FakeOpenAITestBase
{
    private const string FineTuned = "ft:gpt-4o-2024-08-06:shop::abc";
    private static readonly FactSource Source = new(1, "text", new TextBox(0, 0, 10, 10));

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Server.Fallback = SampleEstimates.Reply;
    }

    [Fact]
    public async Task The_base_prompt_is_followed_by_the_facts_read_from_the_text_layer()
    {
        var (result, request, catalog) = await EstimateAsync("gpt-4o-2024-08-06", await AdapterplatteFactsAsync());

        var section = request.UserText[AsServed(catalog).UserText.Length..];
        Assert.StartsWith(AsServed(catalog).UserText + "\n\n" + GroundingSection.Heading, request.UserText, StringComparison.Ordinal);
        Assert.Contains("- materiál: Stahl", section, StringComparison.Ordinal);
        Assert.Contains("- jednotky výkresu: mm", section, StringComparison.Ordinal);
        Assert.Contains("- závity: M8", section, StringComparison.Ordinal);
        Assert.Equal(AsServed(catalog).WithGrounding().Hash, result.PromptHash);
        Assert.NotEqual(AsServed(catalog).Hash, result.PromptHash);
    }

    [Fact]
    public async Task The_fine_tuned_prompt_is_not_grounded_unless_configured()
    {
        var facts = await AdapterplatteFactsAsync();

        var (plain, plainRequest, catalog) = await EstimateAsync(FineTuned, facts);
        var (grounded, groundedRequest, _) = await EstimateAsync(FineTuned, facts, ("Vision:Grounding", "base,ft"));

        Assert.Equal(catalog.Get("ft").UserText, plainRequest.UserText);
        Assert.Equal(catalog.Get("ft").Hash, plain.PromptHash);
        Assert.Contains(GroundingSection.Heading, groundedRequest.UserText, StringComparison.Ordinal);
        Assert.NotEqual(plain.PromptHash, grounded.PromptHash);
    }

    [Fact]
    public async Task With_grounding_off_the_base_prompt_is_sent_as_it_is()
    {
        var (result, request, catalog) = await EstimateAsync("gpt-4o-2024-08-06", await AdapterplatteFactsAsync(), ("Vision:Grounding", ""));

        Assert.Equal(AsServed(catalog).UserText, request.UserText);
        Assert.Equal(AsServed(catalog).Hash, result.PromptHash);
    }

    [Fact]
    public async Task A_scan_without_a_text_layer_adds_no_section()
    {
        var scan = new PageFacts { Page = 1, WordCount = 0, Flags = [PageFacts.NoTextLayer] };

        var (_, request, catalog) = await EstimateAsync("gpt-4o-2024-08-06", scan);

        Assert.Equal(AsServed(catalog).UserText, request.UserText);
    }

    [Fact]
    public async Task An_answer_that_disagrees_with_the_title_block_gets_a_warning_for_each_disagreement()
    {
        // The sample answer: a ROT stainless shaft, 33.4 mm long, drawing ODRI-MS-01, in millimetres.
        var facts = TitleBlock("7075-T6 Aluminum", "aluminium", "inch", "NFR-1") with
        {
            Features = new FeatureFacts { Dimensions = [2.542, 30.44, 1.35] },
        };

        var (result, _, _) = await EstimateAsync("gpt-4o-2024-08-06", facts);

        Assert.Equal(PageEstimateStatus.Completed, result.Status);
        Assert.Equal(
            [AnswerChecks.MaterialMismatch, AnswerChecks.UnconvertedInches, AnswerChecks.TurnedWithoutDiameters, AnswerChecks.DrawingNumberMismatch],
            result.Warnings.Select(w => w.Code));
        Assert.Contains("7075-T6 Aluminum", result.Warnings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_that_agrees_with_the_title_block_gets_no_warning()
    {
        var facts = TitleBlock("X5CrNi18-10", "stainless_steel", "mm", "ODRI MS 01") with
        {
            Features = new FeatureFacts { Diameters = [new DrawingFact("Ø4", FactConfidence.High, Source) { Number = 4 }] },
        };

        var (result, _, _) = await EstimateAsync("gpt-4o-2024-08-06", facts);

        Assert.Empty(result.Warnings);
    }

    /// <summary>The <c>base</c> set as a general model is served it: reading the part's features too (<c>Vision:ReadFeatures</c>).</summary>
    private static PromptSet AsServed(PromptCatalog catalog) => catalog.Get("base").WithFeatures(catalog.FeaturesSection);

    /// <summary>A page whose title block says the given material, units and drawing number, all read beside their labels.</summary>
    private static PageFacts TitleBlock(string material, string materialGroup, string units, string drawingNumber) => new()
    {
        Page = 1,
        WordCount = 40,
        TitleBlock = new TitleBlockFacts
        {
            Material = new DrawingFact(material, FactConfidence.High, Source),
            MaterialGroup = materialGroup,
            Units = new DrawingFact(units, FactConfidence.High, Source),
            DrawingNumber = new DrawingFact(drawingNumber, FactConfidence.High, Source),
        },
    };

    private static async Task<PageFacts> AdapterplatteFactsAsync()
    {
        using var services = CoreServices.Create();
        return (await services.Get<DrawingFactsReader>().ReadAsync(RepositoryPaths.Sample("edocr-adapterplatte.pdf"), 1, Token))[0];
    }

    private async Task<(PageEstimateResult Result, RecordedRequest Request, PromptCatalog Catalog)> EstimateAsync(
        string model, PageFacts facts, params (string Key, string Value)[] settings)
    {
        using var services = CoreServices.Create(
        [
            .. ServerSettings,
            .. settings,
        ]);
        var result = await services.Get<IVisionEstimator>().EstimatePageAsync(await RenderedPages.OdriMotorShaftAsStoredAsync(), model, facts, Token);
        return (result, Server.Requests[^1], services.Get<PromptCatalog>());
    }
}
