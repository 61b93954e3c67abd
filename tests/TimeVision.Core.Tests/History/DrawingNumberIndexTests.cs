using TimeVision.Core.Learning.History;

namespace TimeVision.Core.Tests.History;

public sealed class DrawingNumberIndexTests
{
    [Fact]
    public void An_exact_number_matches_with_nothing_normalised()
    {
        var index = new DrawingNumberIndex();
        index.Add("HX-100", "a.pdf", "id-a");

        var match = index.Find("HX-100");

        Assert.Equal(("id-a", "a.pdf"), (match.DocumentId, match.File));
        Assert.Empty(match.Normalised);
    }

    [Fact]
    public void Case_spaces_and_dashes_are_normalised_and_said()
    {
        var index = new DrawingNumberIndex();
        index.Add("HX-100 20", "a.pdf", "id-a");

        var match = index.Find("hx10020");

        Assert.Equal("id-a", match.DocumentId);
        Assert.Equal(["case", "spaces", "dashes"], match.Normalised);
    }

    [Theory]
    [InlineData("P0011-A", "suffix '-A'")]
    [InlineData("P0011 rev B", "suffix 'rev B'")]
    [InlineData("P0011/2", "suffix '/2'")]
    [InlineData("P0011 (C)", "suffix '(C)'")]
    [InlineData("P0011 Blatt 2", "suffix 'Blatt 2'")]
    public void A_sheet_or_revision_suffix_is_dropped_only_when_nothing_else_matches(string written, string said)
    {
        var index = new DrawingNumberIndex();
        index.Add("P0011", "a.pdf", "id-a");

        var match = index.Find(written);

        Assert.Equal("id-a", match.DocumentId);
        Assert.Equal([said], match.Normalised);
    }

    [Fact]
    public void A_number_on_two_documents_is_shared_and_not_guessed()
    {
        var index = new DrawingNumberIndex();
        index.Add("HX-100", "b.pdf", "id-b");
        index.Add("HX-100", "a.pdf", "id-a");

        var match = index.Find("HX-100");

        Assert.Null(match.DocumentId);
        Assert.Equal(["a.pdf", "b.pdf"], match.SharedBy);
    }

    [Fact]
    public void A_number_nobody_carries_finds_nothing()
    {
        var index = new DrawingNumberIndex();
        index.Add("HX-100", "a.pdf", "id-a");

        var match = index.Find("HX-200");

        Assert.Null(match.DocumentId);
        Assert.Empty(match.SharedBy);
    }
}
