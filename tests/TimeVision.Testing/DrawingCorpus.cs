using System.Globalization;
using System.Text.RegularExpressions;

using Xunit;

namespace TimeVision.Testing;

/// <summary>What <c>SOURCES.md</c> in the shared drawing corpus says about each file: page count and page size.</summary>
public static partial class DrawingCorpus
{
    /// <summary>One row of SOURCES.md's table.</summary>
    /// <param name="FileName">The PDF's file name.</param>
    /// <param name="Pages">Its page count.</param>
    /// <param name="WidthMm">The page width in millimetres (MediaBox, before rotation).</param>
    /// <param name="HeightMm">The page height in millimetres.</param>
    public sealed record Entry(string FileName, int Pages, double WidthMm, double HeightMm);

    /// <summary>Reads the catalogue entry for <paramref name="fileName"/>.</summary>
    public static Entry Describe(string folder, string fileName)
    {
        foreach (var line in File.ReadLines(Path.Combine(folder, "SOURCES.md")))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length > 7 && cells[1] == fileName)
            {
                var size = PageSize().Match(cells[7]);
                Assert.True(size.Success, $"SOURCES.md has no page size for {fileName}: '{cells[7]}'.");
                return new Entry(
                    fileName,
                    int.Parse(cells[6], CultureInfo.InvariantCulture),
                    double.Parse(size.Groups["w"].Value, CultureInfo.InvariantCulture),
                    double.Parse(size.Groups["h"].Value, CultureInfo.InvariantCulture));
            }
        }

        throw new InvalidOperationException($"SOURCES.md does not list {fileName}.");
    }

    [GeneratedRegex(@"^(?<w>\d+)x(?<h>\d+)")]
    private static partial Regex PageSize();
}
