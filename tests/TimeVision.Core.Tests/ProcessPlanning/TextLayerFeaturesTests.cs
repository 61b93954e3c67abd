using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Core.Tests.ProcessPlanning;

/// <summary>The text layer's facts as features, each keeping the page, box and confidence it was read with.</summary>
public sealed class TextLayerFeaturesTests
{
    private static readonly TextBox Box = new(100, 200, 60, 9);

    [Fact]
    public void A_counted_thread_becomes_its_core_drilling_and_its_tapping()
    {
        var line = new FactSource(2, "4x M8", Box);
        var page = Page(2, new FeatureFacts
        {
            Threads = [new DrawingFact("M8", FactConfidence.High, line) { Number = 8 }],
            Counts = [new DrawingFact("4x M8", FactConfidence.High, line) { Number = 4 }],
        });

        var set = TextLayerFeatures.From([page]);

        Assert.Equal(
            [(FeatureType.Drilling, 4, (double?)6.75, (string?)null), (FeatureType.Tapping, 4, 8, "M8")],
            set.Features.Select(f => (f.Type, f.Count!.Value, f.DiameterMm, f.Thread)));
        Assert.All(set.Features, f => Assert.Equal(new FeatureSource(FeatureSourceKind.TextLayer, 2, Box, FactConfidence.High), f.Source));
    }

    [Fact]
    public void Counted_holes_an_uncounted_thread_chamfers_and_the_material_are_read()
    {
        var source = new FactSource(1, "text", Box);
        var page = Page(1, new FeatureFacts
        {
            Counts = [new DrawingFact("2x Ø8,8", FactConfidence.High, source) { Number = 2 }],
            Threads = [new DrawingFact("M6x1", FactConfidence.High, new FactSource(1, "M6x1", Box)) { Number = 6 }],
            Chamfers = [new DrawingFact("0.5x45°", FactConfidence.High, source) { Number = 0.5 }],
        }) with
        {
            TitleBlock = new TitleBlockFacts { Material = new DrawingFact("1.4301", FactConfidence.High, source), MaterialGroup = "stainless_steel" },
        };

        var set = TextLayerFeatures.From([page]);

        Assert.Equal(("1.4301", "stainless_steel"), (set.Material, set.MaterialGroup));
        Assert.Equal(
            [(FeatureType.Drilling, 2, (double?)8.8), (FeatureType.Drilling, 1, 5), (FeatureType.Tapping, 1, 6), (FeatureType.Chamfer, 1, null)],
            set.Features.Select(f => (f.Type, f.Count!.Value, f.DiameterMm)));
        Assert.Equal(1.0, set.Features.Single(f => f.Type == FeatureType.Tapping).PitchMm);
        Assert.Equal(["t1", "t2", "t3", "t4"], set.Features.Select(f => f.Id));
    }

    [Fact]
    public void A_pages_lettering_plans_as_drilled_and_tapped_holes_in_its_material()
    {
        var page = new Facts.TextPages()
            .Line(500, 500, "WERKSTOFF:").Line(500, 511, "42CrMo4")
            .Line(120, 200, "4x M8").Line(220, 260, "2x Ø8,8").Line(40, 40, "word word word")
            .Page();

        var features = TextLayerFeatures.From([DrawingFactsReader.Read(page)]);
        var plan = Plans.Of(features);

        Assert.Equal("alloy_steel", features.MaterialGroup);
        var drilling = Plans.Operation(plan, OperationKind.Drilling);
        Assert.Equal([("t1", 4), ("t2", 4), ("t3", 2)], drilling.Lines.Select(l => (l.FeatureId, l.Count)));
        Assert.Equal(12.5, Plans.Line(plan, "t2").Inputs["vc"]);
        Assert.Equal(200, features.Features[1].Source!.Box!.Y);
    }

    private static PageFacts Page(int number, FeatureFacts features) => new() { Page = number, WordCount = 10, Features = features };
}
