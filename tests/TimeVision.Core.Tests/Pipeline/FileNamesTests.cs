using TimeVision.Core.Estimating.Pipeline;

namespace TimeVision.Core.Tests.Pipeline;

public sealed class FileNamesTests
{
    [Theory]
    [InlineData("bracket.pdf", "bracket.pdf")]
    [InlineData("Příruba DN50.pdf", "Příruba DN50.pdf")]
    [InlineData("customer-7/2026/bracket.pdf", "bracket.pdf")]
    [InlineData("..\\..\\windows\\system32\\bracket.pdf", "bracket.pdf")]
    [InlineData("C:\\Users\\novak\\Desktop\\bracket.pdf", "bracket.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("bra\u0007ck\u001bet\r\n.pdf", "bracket.pdf")]
    [InlineData("invoice\u202Efdp.exe", "invoicefdp.exe")]
    [InlineData("  bracket.pdf\t", "bracket.pdf")]
    [InlineData("drawings/", FileNames.Unnamed)]
    [InlineData("..", FileNames.Unnamed)]
    [InlineData("\u0000\u0001", FileNames.Unnamed)]
    [InlineData("", FileNames.Unnamed)]
    [InlineData(null, FileNames.Unnamed)]
    public void Clean_keeps_only_a_visible_last_segment(string? name, string expected) =>
        Assert.Equal(expected, FileNames.Clean(name));

    [Fact]
    public void A_name_over_255_characters_is_cut_to_255_keeping_its_extension()
    {
        var cleaned = FileNames.Clean(new string('a', 400) + ".pdf");

        Assert.Equal(FileNames.MaxLength, cleaned.Length);
        Assert.Equal(new string('a', 251) + ".pdf", cleaned);
    }

    [Fact]
    public void Cutting_never_splits_a_character_in_two()
    {
        var cleaned = FileNames.Clean(new string('a', 250) + string.Concat(Enumerable.Repeat("😀", 10)) + ".pdf");

        // Character 251 would be the first half of the first emoji: the cut falls before it.
        Assert.Equal(new string('a', 250) + ".pdf", cleaned);
    }
}
