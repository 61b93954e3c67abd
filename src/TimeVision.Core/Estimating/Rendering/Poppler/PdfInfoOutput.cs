using System.Globalization;
using System.Text.RegularExpressions;

namespace TimeVision.Core.Estimating.Rendering.Poppler;

/// <summary>Reads the page count and page geometry from <c>pdfinfo</c>'s text output.</summary>
internal static partial class PdfInfoOutput
{
    /// <summary>The <c>Pages:</c> line, or <see langword="null"/> when pdfinfo printed none.</summary>
    public static int? ReadPageCount(string output)
    {
        var match = PagesLine().Match(output);
        return match.Success ? int.Parse(match.Groups["count"].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>
    /// Every page's size and rotation. Handles both the single-page form (<c>Page size:</c>) and the
    /// ranged form that <c>-f</c>/<c>-l</c> produce (<c>Page    3 size:</c>).
    /// </summary>
    public static IReadOnlyList<PdfPageInfo> ReadPages(string output)
    {
        var rotations = new Dictionary<int, int>();
        foreach (Match match in RotationLine().Matches(output))
        {
            rotations[PageNumber(match)] = NormaliseRotation(int.Parse(match.Groups["rot"].Value, CultureInfo.InvariantCulture));
        }

        var pages = new List<PdfPageInfo>();
        foreach (Match match in SizeLine().Matches(output))
        {
            var number = PageNumber(match);
            pages.Add(new PdfPageInfo(
                number,
                double.Parse(match.Groups["w"].Value, CultureInfo.InvariantCulture),
                double.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture),
                rotations.GetValueOrDefault(number)));
        }

        return pages;
    }

    private static int PageNumber(Match match) =>
        match.Groups["page"].Success ? int.Parse(match.Groups["page"].Value, CultureInfo.InvariantCulture) : 1;

    private static int NormaliseRotation(int degrees) => ((degrees % 360) + 360) % 360;

    [GeneratedRegex(@"^Pages:\s+(?<count>\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex PagesLine();

    [GeneratedRegex(@"^Page\s+(?:(?<page>\d+)\s+)?size:\s+(?<w>[0-9.]+) x (?<h>[0-9.]+) pts", RegexOptions.Multiline)]
    private static partial Regex SizeLine();

    [GeneratedRegex(@"^Page\s+(?:(?<page>\d+)\s+)?rot:\s+(?<rot>-?\d+)", RegexOptions.Multiline)]
    private static partial Regex RotationLine();
}
