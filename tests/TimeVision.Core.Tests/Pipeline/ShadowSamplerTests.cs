using System.Security.Cryptography;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Pipeline;

namespace TimeVision.Core.Tests.Pipeline;

/// <summary>Shadow sampling by document hash: the share asked for, and the same draw for the same document.</summary>
public sealed class ShadowSamplerTests
{
    private static readonly string[] Documents =
        [.. Enumerable.Range(0, 1000).Select(i => Convert.ToHexStringLower(SHA256.HashData(BitConverter.GetBytes(i))))];

    [Theory]
    [InlineData(10)]
    [InlineData(30)]
    [InlineData(75)]
    public void About_the_configured_share_of_1000_documents_is_sampled(double percent)
    {
        var sampled = Documents.Count(id => ShadowSampler.IsSampled(id, percent));

        // Three standard deviations of a binomial(1000, p).
        var p = percent / 100;
        Assert.InRange(sampled, (1000 * p) - (3 * Math.Sqrt(1000 * p * (1 - p))), (1000 * p) + (3 * Math.Sqrt(1000 * p * (1 - p))));
    }

    [Fact]
    public void A_document_is_drawn_the_same_way_every_time_and_the_ends_are_exact()
    {
        Assert.All(Documents, id => Assert.Equal(ShadowSampler.IsSampled(id, 30), ShadowSampler.IsSampled(id, 30)));
        Assert.DoesNotContain(Documents, id => ShadowSampler.IsSampled(id, 0));
        Assert.All(Documents, id => Assert.True(ShadowSampler.IsSampled(id, 100)));
    }

    [Fact]
    public void The_challenger_is_named_only_for_sampled_documents_and_never_when_it_is_the_primary()
    {
        var options = new ShadowOptions { Model = "gpt-4.1", Percent = 100 };

        Assert.Equal("gpt-4.1", options.ChallengerFor(Documents[0], ModelId.Default)?.Value);
        Assert.Null(options.ChallengerFor(Documents[0], ModelId.Parse("gpt-4.1")));
        Assert.Null(new ShadowOptions { Model = "", Percent = 100 }.ChallengerFor(Documents[0], ModelId.Default));
        Assert.Null(new ShadowOptions { Model = "gpt-4.1", Percent = 0 }.ChallengerFor(Documents[0], ModelId.Default));
    }
}
