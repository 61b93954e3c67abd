using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Offline;
using TimeVision.Core.Learning.History;
using TimeVision.Testing.History;

namespace TimeVision.Core.Tests.History;

/// <summary>The similarity measure on parts whose facts are generated: alike scores high, and each difference costs what it should.</summary>
public sealed class SimilarityTests
{
    private static readonly GeneratedPart Shaft = new(Turned: true, LengthMm: 120, CrossMm: 70, "C45", Threads: 2, Fits: 1, Holes: 0, "S-1");

    private static PartFeatures FeaturesOf(GeneratedPart part) => PartFeatures.From([GeneratedHistory.FactsOf(part)], null)!;

    [Fact]
    public void A_part_is_fully_similar_to_itself_and_every_reason_matches()
    {
        var features = FeaturesOf(Shaft);

        Assert.Equal(1, Similarity.Score(features, features), precision: 9);
        Assert.All(Similarity.Reasons(features, features), r => Assert.True(r.Matched, r.Text));
    }

    [Fact]
    public void The_features_come_from_the_text_layer()
    {
        var features = FeaturesOf(Shaft with { Threads = 3 });

        Assert.Equal((PartType.Combined, "steel", 120.0, 70.0, 3, 1, "m"), (features.PartType, features.MaterialGroup, features.LargestMm, features.LargestDiameterMm, features.Threads, features.Fits, features.ToleranceClass));
    }

    [Fact]
    public void A_near_duplicate_scores_above_a_part_of_another_material_and_that_above_a_part_of_another_kind_and_size()
    {
        var query = FeaturesOf(Shaft);
        var nearDuplicate = FeaturesOf(Shaft with { LengthMm = 123 });
        var otherMaterial = FeaturesOf(Shaft with { Material = "EN AW-6082" });
        var plate = FeaturesOf(new GeneratedPart(false, 380, 150, "C45", 0, 0, 8, "P-1"));

        var scores = new[] { nearDuplicate, otherMaterial, plate }.Select(f => Similarity.Score(query, f)).ToList();

        Assert.True(scores[0] > 0.95, $"near duplicate {scores[0]}");
        Assert.True(scores[0] > scores[1] && scores[1] > scores[2], string.Join(", ", scores));
        var reasons = Similarity.Reasons(query, otherMaterial);
        Assert.Equal(["material"], reasons.Where(r => !r.Matched).Select(r => r.Feature));
        Assert.Equal("material steel vs aluminium", reasons.Single(r => r.Feature == "material").Text);
    }

    [Theory]
    [InlineData(1.2, 0.59)]
    [InlineData(2.0, 0.14)]
    public void Size_is_compared_on_its_logarithm(double ratio, double expected)
    {
        // Alike in all but the largest dimension, whose weight is 3 of 16.75.
        var part = new PartFeatures { PartType = PartType.Pri, Complexity = Complexity.Simple, MaterialGroup = "steel", ToleranceClass = "m", LargestMm = 100 };
        var larger = part with { LargestMm = 100 * ratio };

        var sizeSimilarity = ((Similarity.Score(part, larger) * 16.75) - 13.75) / 3;

        Assert.Equal(expected, sizeSimilarity, precision: 2);
    }
}
