using TimeVision.Core.Estimating.Rendering;
using TimeVision.Core.Estimating.Rendering.Poppler;

namespace TimeVision.Core.Tests.Rendering;

public sealed class PdfInfoOutputTests
{
    [Fact]
    public void Reads_the_single_page_form()
    {
        const string output = """
            Producer:        SOLIDWORKS PDF Publisher
            Pages:           1
            Encrypted:       no
            Page size:       1190.55 x 841.89 pts (A3)
            Page rot:        0
            File size:       30336 bytes
            """;

        Assert.Equal(1, PdfInfoOutput.ReadPageCount(output));
        Assert.Equal([new PdfPageInfo(1, 1190.55, 841.89, 0)], PdfInfoOutput.ReadPages(output));
    }

    [Fact]
    public void Reads_the_ranged_form_with_rotations()
    {
        const string output = """
            Pages:           2
            Page    1 size:  612 x 792 pts (letter)
            Page    1 rot:   90
            Page    2 size:  792 x 612 pts (letter)
            Page    2 rot:   -90
            """;

        Assert.Equal(2, PdfInfoOutput.ReadPageCount(output));
        Assert.Equal(
            [new PdfPageInfo(1, 612, 792, 90), new PdfPageInfo(2, 792, 612, 270)],
            PdfInfoOutput.ReadPages(output));
    }

    [Fact]
    public void Returns_no_count_when_pdfinfo_printed_none() =>
        Assert.Null(PdfInfoOutput.ReadPageCount("Syntax Error: Couldn't read xref table"));
}
