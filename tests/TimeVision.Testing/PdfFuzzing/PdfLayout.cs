using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using TimeVision.Core.Estimating.Pipeline;

namespace TimeVision.Testing.PdfFuzzing;

/// <summary>An indirect object's place in the file: <c>N G obj</c> up to and including <c>endobj</c>.</summary>
/// <param name="Number">The object number.</param>
/// <param name="Generation">The generation number.</param>
/// <param name="Start">Offset of the object header.</param>
/// <param name="BodyStart">Offset just after <c>obj</c>.</param>
/// <param name="BodyEnd">Offset of <c>endobj</c> (or of the next object when it lacks one).</param>
/// <param name="Stream">The object's stream, when it has one.</param>
public sealed record PdfObjectSpan(int Number, int Generation, int Start, int BodyStart, int BodyEnd, PdfStreamSpan? Stream);

/// <summary>A stream's place in the file.</summary>
/// <param name="LengthValue">Offset and length of a direct <c>/Length</c> integer, or <see langword="null"/> when indirect.</param>
/// <param name="DataStart">First byte of the data (after <c>stream</c> and its end of line).</param>
/// <param name="DataEnd">Offset just after the data (where <c>endstream</c> or its end of line begins).</param>
/// <param name="IsFlate">Whether the dictionary names <c>/FlateDecode</c> as its only filter, with no predictor.</param>
public sealed record PdfStreamSpan((int Start, int Length)? LengthValue, int DataStart, int DataEnd, bool IsFlate);

/// <summary>
/// Where a PDF's parts are, found by scanning its bytes as a reader would when it reconstructs a damaged file: the
/// indirect objects in order (skipping over stream data, so bytes inside a stream are never taken for an object), the
/// classic cross-reference tables, the trailers and the <c>startxref</c> values. Offsets index the file's bytes.
/// </summary>
public sealed partial class PdfLayout
{
    private PdfLayout(string text, IReadOnlyList<PdfObjectSpan> objects)
    {
        Text = text;
        Objects = objects;
        XrefTables = [.. XrefKeyword().Matches(text).Select(m => m.Index)];
        Trailers = [.. TrailerKeyword().Matches(text).Select(m => m.Index)];
        StartXrefValues = [.. StartXrefLine().Matches(text).Select(m => (m.Groups["offset"].Index, m.Groups["offset"].Length))];
    }

    /// <summary>The file as Latin-1 text: one character per byte, so string offsets are byte offsets.</summary>
    public string Text { get; }

    /// <summary>The indirect objects, in file order.</summary>
    public IReadOnlyList<PdfObjectSpan> Objects { get; }

    /// <summary>Offsets of each <c>xref</c> keyword that starts a classic cross-reference table.</summary>
    public IReadOnlyList<int> XrefTables { get; }

    /// <summary>Offsets of each <c>trailer</c> keyword.</summary>
    public IReadOnlyList<int> Trailers { get; }

    /// <summary>Offset and length of the number after each <c>startxref</c>.</summary>
    public IReadOnlyList<(int Start, int Length)> StartXrefValues { get; }

    /// <summary>The objects that carry a stream.</summary>
    public IEnumerable<PdfObjectSpan> StreamObjects => Objects.Where(o => o.Stream is not null);

    /// <summary>Whether objects are stored inside object streams, which a rebuilt classic table could not point into.</summary>
    public bool HasObjectStreams => Text.Contains("/ObjStm", StringComparison.Ordinal);

    /// <summary>Scans <paramref name="pdf"/>.</summary>
    public static PdfLayout Scan(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var objects = new List<PdfObjectSpan>();
        var at = 0;
        while (ObjectHeader().Match(text, at) is { Success: true } header)
        {
            var bodyStart = header.Index + header.Length;
            var stream = FindStream(text, bodyStart);
            var searchFrom = stream?.DataEnd ?? bodyStart;
            var end = text.IndexOf("endobj", searchFrom, StringComparison.Ordinal);
            var next = ObjectHeader().Match(text, searchFrom);
            var bodyEnd = end < 0 ? (next.Success ? next.Index : text.Length)
                : next.Success && next.Index < end ? next.Index
                : end;
            objects.Add(new PdfObjectSpan(
                int.Parse(header.Groups["number"].Value, CultureInfo.InvariantCulture),
                int.Parse(header.Groups["generation"].Value, CultureInfo.InvariantCulture),
                header.Index, bodyStart, bodyEnd, stream));
            at = Math.Max(bodyEnd, bodyStart);
        }

        return new PdfLayout(text, objects);
    }

    /// <summary>The stream that follows the dictionary at <paramref name="bodyStart"/>, if the object has one.</summary>
    private static PdfStreamSpan? FindStream(string text, int bodyStart)
    {
        var keyword = StreamKeyword().Match(text, bodyStart);
        var endobj = text.IndexOf("endobj", bodyStart, StringComparison.Ordinal);
        if (!keyword.Success || (endobj >= 0 && endobj < keyword.Index))
        {
            return null;
        }

        var dictionary = text[bodyStart..keyword.Index];
        var dataStart = keyword.Index + keyword.Length;
        var length = DirectLength().Match(dictionary);
        (int, int)? lengthValue = length.Success ? (bodyStart + length.Groups["value"].Index, length.Groups["value"].Length) : null;
        var dataEnd = text.IndexOf("endstream", dataStart, StringComparison.Ordinal);
        if (length.Success && int.TryParse(length.Groups["value"].Value, CultureInfo.InvariantCulture, out var declared)
            && declared >= 0 && declared <= text.Length - dataStart
            && EndstreamAfter().Match(text, dataStart + declared) is { Success: true } closing && closing.Index == dataStart + declared)
        {
            dataEnd = dataStart + declared;
        }
        else if (dataEnd < 0)
        {
            dataEnd = text.Length;
        }
        else if (dataEnd > dataStart && text[dataEnd - 1] == '\n')
        {
            dataEnd -= dataEnd - 1 > dataStart && text[dataEnd - 2] == '\r' ? 2 : 1;
        }

        var isFlate = FlateOnly().IsMatch(dictionary) && !Predictor().IsMatch(dictionary);
        return new PdfStreamSpan(lengthValue, dataStart, dataEnd, isFlate);
    }

    [GeneratedRegex(@"(?<=^|[\r\n])(?<number>\d{1,7})[ \t]+(?<generation>\d{1,5})[ \t]+obj\b")]
    private static partial Regex ObjectHeader();

    [GeneratedRegex(@"\bstream(\r\n|\n|\r)")]
    private static partial Regex StreamKeyword();

    [GeneratedRegex(@"/Length(?![0-9A-Za-z])\s*(?<value>\d+)(?![\d.])(?!\s+\d+\s+R)")]
    private static partial Regex DirectLength();

    /// <summary>A predictor other than 1 (none): the inflated bytes are not the data.</summary>
    [GeneratedRegex(@"/Predictor\s+(?!1\b)\d+")]
    private static partial Regex Predictor();

    [GeneratedRegex(@"\G(\r\n|\n|\r)?endstream")]
    private static partial Regex EndstreamAfter();

    [GeneratedRegex(@"/Filter\s*(/FlateDecode\b|\[\s*/FlateDecode\s*\])")]
    private static partial Regex FlateOnly();

    [GeneratedRegex(@"(?<=^|[\r\n])xref[ \t]*[\r\n]")]
    private static partial Regex XrefKeyword();

    [GeneratedRegex(@"\btrailer\b")]
    private static partial Regex TrailerKeyword();

    [GeneratedRegex(@"\bstartxref[ \t\r\n]+(?<offset>\d+)")]
    private static partial Regex StartXrefLine();
}
