using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace TimeVision.Testing.PdfFuzzing;

/// <summary>
/// Appends a cross-reference section that points at every object where it now is, as an incremental update would, so
/// that a mutant whose objects moved (a stream re-compressed, an object replaced) still opens without reconstruction
/// and the damage meant for a deeper layer reaches it.
/// </summary>
public static partial class XrefRepair
{
    /// <summary>
    /// <paramref name="pdf"/> with a fresh classic <c>xref</c> table, trailer and <c>startxref</c> appended; unchanged
    /// when it keeps objects inside object streams (a classic table cannot point into them) or has none at all.
    /// </summary>
    public static byte[] AppendFreshXref(byte[] pdf)
    {
        var layout = PdfLayout.Scan(pdf);
        if (layout.HasObjectStreams || layout.Objects.Count == 0)
        {
            return pdf;
        }

        // The last definition of a number wins, as it does in a file updated incrementally.
        var latest = new SortedDictionary<int, PdfObjectSpan>();
        foreach (var item in layout.Objects)
        {
            latest[item.Number] = item;
        }

        var size = latest.Keys.Max() + 1;
        var xrefOffset = pdf.Length + 1;
        var section = new StringBuilder().Append("\nxref\n").Append(CultureInfo.InvariantCulture, $"0 {size}\n");
        for (var number = 0; number < size; number++)
        {
            section.Append(latest.TryGetValue(number, out var found)
                ? string.Create(CultureInfo.InvariantCulture, $"{found.Start:D10} {found.Generation:D5} n \n")
                : "0000000000 65535 f \n");
        }

        section.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {size}");
        foreach (var entry in new[] { RootEntry(), InfoEntry(), EncryptEntry(), IdEntry() })
        {
            if (entry.Matches(layout.Text) is { Count: > 0 } matches)
            {
                section.Append(' ').Append(matches[^1].Value);
            }
        }

        section.Append(CultureInfo.InvariantCulture, $" >>\nstartxref\n{xrefOffset}\n%%EOF\n");
        return [.. pdf, .. Encoding.Latin1.GetBytes(section.ToString())];
    }

    [GeneratedRegex(@"/Root\s+\d+\s+\d+\s+R")]
    private static partial Regex RootEntry();

    [GeneratedRegex(@"/Info\s+\d+\s+\d+\s+R")]
    private static partial Regex InfoEntry();

    [GeneratedRegex(@"/Encrypt\s+\d+\s+\d+\s+R")]
    private static partial Regex EncryptEntry();

    [GeneratedRegex(@"/ID\s*\[[^\]]*\]")]
    private static partial Regex IdEntry();
}
