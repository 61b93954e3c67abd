using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using static TimeVision.Testing.PdfFuzzing.ByteMutations;

namespace TimeVision.Testing.PdfFuzzing;

/// <summary>Mutations of a PDF's streams: their declared lengths, their compressed bytes and the drawing commands in them.</summary>
internal static partial class StreamMutations
{
    /// <summary>Values a content stream's numbers are replaced by: too large for any type, negative, or degenerate.</summary>
    private static readonly string[] HostileNumbers =
    [
        "99999999999", "-99999999999", "2147483648", "-2147483649", "340282366920938463463374607431768211456",
        "1e308", "-1000000", "0", "-0.000000001", "0.0000000001",
    ];

    public static MutationResult? LieAboutLength(byte[] pdf, PdfLayout layout, Random random)
    {
        var candidates = layout.StreamObjects.Where(o => o.Stream!.LengthValue is not null).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var target = candidates[random.Next(candidates.Count)];
        var (start, length) = target.Stream!.LengthValue!.Value;
        var declared = long.Parse(layout.Text.AsSpan(start, length), CultureInfo.InvariantCulture);
        var lie = random.Next(6) switch
        {
            0 => "0",
            1 => (declared + random.Next(1, 100)).ToString(CultureInfo.InvariantCulture),
            2 => Math.Max(0, declared - random.Next(1, 100)).ToString(CultureInfo.InvariantCulture),
            3 => (declared * 2).ToString(CultureInfo.InvariantCulture),
            4 => "2147483647",
            _ => "99999999999",
        };
        var mutated = ByteEdit.Apply(pdf, new ByteEdit(start, start + length, Encoding.Latin1.GetBytes(lie)));
        return new(XrefRepair.AppendFreshXref(mutated), Invariant($"changed /Length of object {target.Number}'s stream from {declared} to {lie}, xref rebuilt"));
    }

    public static MutationResult? SwapFlateBytes(byte[] pdf, PdfLayout layout, Random random)
    {
        var candidates = layout.StreamObjects.Where(o => o.Stream!.IsFlate && o.Stream.DataEnd - o.Stream.DataStart >= 4).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var target = candidates[random.Next(candidates.Count)];
        var (dataStart, dataEnd) = (target.Stream!.DataStart, target.Stream.DataEnd);
        var bytes = (byte[])pdf.Clone();
        var swaps = new List<int>();
        for (var count = random.Next(1, 9); count > 0; count--)
        {
            var at = random.Next(dataStart, dataEnd - 1);
            (bytes[at], bytes[at + 1]) = (bytes[at + 1], bytes[at]);
            swaps.Add(at);
        }

        return new(bytes, Invariant($"swapped byte pairs at {Join(swaps.Order())} in object {target.Number}'s compressed stream"));
    }

    public static MutationResult? ReplaceContentNumbers(byte[] pdf, PdfLayout layout, Random random)
    {
        var contents = layout.StreamObjects
            .Select(o => (Object: o, Content: ReadContent(pdf, layout, o)))
            .Where(c => c.Content is not null)
            .ToList();
        if (contents.Count == 0)
        {
            return null;
        }

        var (target, content) = contents[random.Next(contents.Count)];
        var numbers = Number().Matches(content!);
        if (numbers.Count == 0)
        {
            return null;
        }

        var replaced = new Dictionary<int, (Match Number, string Value)>();
        for (var count = random.Next(1, 9); count > 0; count--)
        {
            var number = numbers[random.Next(numbers.Count)];
            replaced[number.Index] = (number, HostileNumbers[random.Next(HostileNumbers.Length)]);
        }

        var rewritten = Encoding.Latin1.GetBytes(content!);
        rewritten = ByteEdit.Apply(rewritten, replaced.Values.Select(r => new ByteEdit(r.Number.Index, r.Number.Index + r.Number.Length, Encoding.Latin1.GetBytes(r.Value))));
        var stream = target.Stream!;
        var data = stream.IsFlate ? Deflate(rewritten) : rewritten;
        var edits = new List<ByteEdit> { new(stream.DataStart, stream.DataEnd, data) };
        if (LengthEdit(layout, target, data.Length) is { } lengthEdit)
        {
            edits.Add(lengthEdit);
        }

        var changes = string.Join(", ", replaced.Values.OrderBy(r => r.Number.Index).Select(r => $"{r.Number.Value}→{r.Value}"));
        return new(
            XrefRepair.AppendFreshXref(ByteEdit.Apply(pdf, edits)),
            Invariant($"in object {target.Number}'s content stream replaced {changes}, xref rebuilt"));
    }

    /// <summary>The stream's drawing commands as text, when it is an unfiltered or FlateDecode content stream.</summary>
    private static string? ReadContent(byte[] pdf, PdfLayout layout, PdfObjectSpan item)
    {
        var stream = item.Stream!;
        var dictionary = layout.Text[item.BodyStart..stream.DataStart];
        var isImageOrFont = (dictionary.Contains("/Subtype", StringComparison.Ordinal) && !dictionary.Contains("/Form", StringComparison.Ordinal))
            || dictionary.Contains("/Length1", StringComparison.Ordinal) || dictionary.Contains("/Length2", StringComparison.Ordinal);
        if (isImageOrFont)
        {
            return null;
        }

        byte[] data;
        if (stream.IsFlate)
        {
            try
            {
                using var inflater = new ZLibStream(new MemoryStream(pdf, stream.DataStart, stream.DataEnd - stream.DataStart), CompressionMode.Decompress);
                using var inflated = new MemoryStream();
                inflater.CopyTo(inflated);
                data = inflated.ToArray();
            }
            catch (InvalidDataException)
            {
                return null;
            }
        }
        else if (!dictionary.Contains("/Filter", StringComparison.Ordinal))
        {
            data = pdf[stream.DataStart..stream.DataEnd];
        }
        else
        {
            return null;
        }

        var text = Encoding.Latin1.GetString(data);
        return PathOperator().IsMatch(text) ? text : null;
    }

    /// <summary>The edit that makes the stream's <c>/Length</c>, direct or in the object it refers to, say <paramref name="length"/>.</summary>
    private static ByteEdit? LengthEdit(PdfLayout layout, PdfObjectSpan item, int length)
    {
        var value = Encoding.Latin1.GetBytes(length.ToString(CultureInfo.InvariantCulture));
        if (item.Stream!.LengthValue is var (start, size))
        {
            return new ByteEdit(start, start + size, value);
        }

        var reference = IndirectLength().Match(layout.Text[item.BodyStart..item.Stream.DataStart]);
        var holder = reference.Success
            ? layout.Objects.LastOrDefault(o => o.Number == int.Parse(reference.Groups["number"].Value, CultureInfo.InvariantCulture))
            : null;
        return holder is null ? null : new ByteEdit(holder.BodyStart, holder.BodyEnd, [(byte)' ', .. value, (byte)'\n']);
    }

    private static byte[] Deflate(byte[] data)
    {
        using var compressed = new MemoryStream();
        using (var deflater = new ZLibStream(compressed, CompressionLevel.Optimal))
        {
            deflater.Write(data);
        }

        return compressed.ToArray();
    }

    [GeneratedRegex(@"(?<![\w.+-])[+-]?(\d+\.?\d*|\.\d+)(?![\w.])")]
    private static partial Regex Number();

    [GeneratedRegex(@"\s(m|l|c|re|Tj|TJ|Td|Tm|cm)\s")]
    private static partial Regex PathOperator();

    [GeneratedRegex(@"/Length\s+(?<number>\d+)\s+\d+\s+R")]
    private static partial Regex IndirectLength();
}
