using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using static TimeVision.Testing.PdfFuzzing.ByteMutations;

namespace TimeVision.Testing.PdfFuzzing;

/// <summary>Mutations of a PDF's skeleton: its cross-reference table, trailer, <c>startxref</c> and objects.</summary>
internal static partial class StructureMutations
{
    public static MutationResult? CutXref(byte[] pdf, PdfLayout layout, Random random)
    {
        if (layout.XrefTables.Count == 0)
        {
            return null;
        }

        var xref = layout.XrefTables[random.Next(layout.XrefTables.Count)];
        var trailer = layout.Trailers.FirstOrDefault(t => t > xref);
        if (random.Next(2) == 0 && trailer > xref)
        {
            return new(ByteEdit.Apply(pdf, new ByteEdit(xref, trailer, [])), Invariant($"removed the xref table at {xref} ({trailer - xref} bytes), trailer kept"));
        }

        return new(pdf[..xref], Invariant($"cut the file at the xref table at {xref}"));
    }

    public static MutationResult? CorruptXref(byte[] pdf, PdfLayout layout, Random random)
    {
        if (layout.XrefTables.Count == 0)
        {
            return null;
        }

        var xref = layout.XrefTables[random.Next(layout.XrefTables.Count)];
        var trailer = layout.Trailers.FirstOrDefault(t => t > xref);
        var table = layout.Text[xref..(trailer > xref ? trailer : layout.Text.Length)];
        var entries = XrefEntry().Matches(table);
        var subsection = XrefSubsection().Match(table);
        switch (random.Next(4))
        {
            case 0 when entries.Count > 0:
                var edits = new List<ByteEdit>();
                foreach (var entry in entries.Where(_ => random.Next(4) == 0).DefaultIfEmpty(entries[random.Next(entries.Count)]))
                {
                    var offset = random.Next(2) == 0 ? random.Next(pdf.Length) : random.Next(1_000_000_000);
                    edits.Add(new ByteEdit(xref + entry.Groups["offset"].Index, xref + entry.Groups["offset"].Index + 10, Latin1($"{offset:D10}")));
                }

                return new(ByteEdit.Apply(pdf, edits), Invariant($"pointed {edits.Count} xref entries of the table at {xref} at random offsets"));
            case 1 when entries.Count > 0:
                var shift = random.Next(1, 200) * (random.Next(2) == 0 ? 1 : -1);
                var shifted = entries.Select(e => (e, Value: Math.Max(0, long.Parse(e.Groups["offset"].Value, CultureInfo.InvariantCulture) + shift)))
                    .Select(x => new ByteEdit(xref + x.e.Groups["offset"].Index, xref + x.e.Groups["offset"].Index + 10, Latin1($"{x.Value:D10}")));
                return new(ByteEdit.Apply(pdf, shifted), Invariant($"shifted every entry of the xref table at {xref} by {shift} bytes (a stale table)"));
            case 2 when entries.Count > 0:
                var entryToFree = entries[random.Next(entries.Count)];
                var kind = entryToFree.Groups["kind"];
                var flipped = kind.Value == "n" ? "f" : "n";
                return new(
                    ByteEdit.Apply(pdf, new ByteEdit(xref + kind.Index, xref + kind.Index + 1, Latin1($"{flipped}"))),
                    Invariant($"marked an xref entry at {xref + entryToFree.Index} '{flipped}'"));
            default:
                if (!subsection.Success)
                {
                    return null;
                }

                var count = subsection.Groups["count"];
                var lie = new[] { "0", "1", "2147483647", "99999999999", "-5" }[random.Next(5)];
                return new(
                    ByteEdit.Apply(pdf, new ByteEdit(xref + count.Index, xref + count.Index + count.Length, Latin1($"{lie}"))),
                    Invariant($"set the entry count of the xref table at {xref} to {lie}"));
        }
    }

    public static MutationResult? CorruptTrailer(byte[] pdf, PdfLayout layout, Random random)
    {
        if (layout.Trailers.Count == 0)
        {
            return null;
        }

        var trailer = layout.Trailers[random.Next(layout.Trailers.Count)];
        var end = layout.Text.IndexOf("startxref", trailer, StringComparison.Ordinal);
        var dictionary = layout.Text[trailer..(end < 0 ? layout.Text.Length : end)];
        var root = TrailerRoot().Match(dictionary);
        var size = TrailerSize().Match(dictionary);
        var other = layout.Objects.Count == 0 ? 1 : layout.Objects[random.Next(layout.Objects.Count)].Number;
        switch (random.Next(4))
        {
            case 0 when root.Success:
                return Replace(pdf, trailer + root.Groups["ref"].Index, root.Groups["ref"].Length, "99999 0 R", $"pointed the trailer's /Root at {trailer} at a missing object");
            case 1 when root.Success:
                return Replace(pdf, trailer + root.Groups["ref"].Index, root.Groups["ref"].Length, Invariant($"{other} 0 R"), $"pointed the trailer's /Root at {trailer} at object {other}");
            case 2 when size.Success:
                var lie = new[] { "0", "1", "2147483647", "-1" }[random.Next(4)];
                return Replace(pdf, trailer + size.Groups["value"].Index, size.Groups["value"].Length, lie, $"set the trailer's /Size at {trailer} to {lie}");
            default:
                // Blanked with spaces, so every offset stays true.
                return Replace(pdf, trailer, dictionary.Length, new string(' ', dictionary.Length), $"blanked the trailer at {trailer}");
        }
    }

    public static MutationResult? CorruptStartXref(byte[] pdf, PdfLayout layout, Random random)
    {
        if (layout.StartXrefValues.Count == 0)
        {
            return null;
        }

        var (start, length) = layout.StartXrefValues[random.Next(layout.StartXrefValues.Count)];
        var value = random.Next(6) switch
        {
            0 => "0",
            1 => random.Next(pdf.Length).ToString(CultureInfo.InvariantCulture),
            2 => (pdf.Length + random.Next(1, 100_000)).ToString(CultureInfo.InvariantCulture),
            3 => "99999999999999999999",
            4 => "-1",
            _ => "",
        };
        return Replace(pdf, start, length, value, $"set startxref at {start} to '{value}'");
    }

    public static MutationResult? ReplaceObjectWithGarbage(byte[] pdf, PdfLayout layout, Random random)
    {
        if (layout.Objects.Count == 0)
        {
            return null;
        }

        var target = layout.Objects[random.Next(layout.Objects.Count)];
        var (garbage, what) = Garbage(target.Number, random);
        var mutated = ByteEdit.Apply(pdf, new ByteEdit(target.BodyStart, target.BodyEnd, garbage));
        return new(XrefRepair.AppendFreshXref(mutated), Invariant($"replaced object {target.Number} at {target.Start} by {what}, xref rebuilt"));
    }

    private static (byte[] Bytes, string What) Garbage(int number, Random random)
    {
        switch (random.Next(8))
        {
            case 0:
                var bytes = new byte[random.Next(1, 513)];
                random.NextBytes(bytes);
                return ([(byte)'\n', .. bytes, (byte)'\n'], $"{bytes.Length} random bytes");
            case 1:
                var depth = random.Next(1000, 100_000);
                return (Latin1($"\n{new string('[', depth)}\n"), $"{depth} unclosed nested arrays");
            case 2:
                var dictionaries = random.Next(1000, 50_000);
                return (Latin1($"\n{string.Concat(Enumerable.Repeat("<</A ", dictionaries))}\n"), $"{dictionaries} unclosed nested dictionaries");
            case 3:
                return (Latin1($"\n<< /Type /Pages /Kids [{number} 0 R {number} 0 R] /Count 2 >>\n"), "a page tree node that is its own kid");
            case 4:
                return (Latin1($"\n<< /Type /Page /Parent {number} 0 R /Contents {number} 0 R /Resources {number} 0 R >>\n"), "a page that is its own parent, contents and resources");
            case 5:
                return ("\n999999999999999999999999999999999999999999\n"u8.ToArray(), "a huge number");
            case 6:
                return (Latin1($"\n<< /Length 10 /Type /Catalog /Pages {number} 0 R /MediaBox [0 0 -1e30 99999999999] /Rotate 45 >>\n"), "a dictionary of impossible values");
            default:
                return ("\n(unbalanced ( string \\\n"u8.ToArray(), "an unterminated string");
        }
    }

    private static MutationResult Replace(byte[] pdf, int start, int length, string value, FormattableString detail) =>
        new(ByteEdit.Apply(pdf, new ByteEdit(start, start + length, Encoding.Latin1.GetBytes(value))), Invariant(detail));

    internal static byte[] Latin1(FormattableString text) => Encoding.Latin1.GetBytes(text.ToString(CultureInfo.InvariantCulture));

    [GeneratedRegex(@"(?<offset>\d{10})[ ](?<generation>\d{5})[ ](?<kind>[nf])")]
    private static partial Regex XrefEntry();

    [GeneratedRegex(@"xref\s+\d+[ \t]+(?<count>\d+)")]
    private static partial Regex XrefSubsection();

    [GeneratedRegex(@"/Root\s+(?<ref>\d+\s+\d+\s+R)")]
    private static partial Regex TrailerRoot();

    [GeneratedRegex(@"/Size\s+(?<value>\d+)")]
    private static partial Regex TrailerSize();
}
