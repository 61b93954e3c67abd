using TimeVision.Core.Estimating.Pipeline;

namespace TimeVision.Testing.PdfFuzzing;

/// <summary>One replacement of a byte range: <c>[Start, End)</c> becomes <see cref="Replacement"/>.</summary>
/// <param name="Start">First byte replaced.</param>
/// <param name="End">Offset just after the last byte replaced (equal to <paramref name="Start"/> to insert).</param>
/// <param name="Replacement">The new bytes.</param>
public sealed record ByteEdit(int Start, int End, byte[] Replacement)
{
    /// <summary>Applies non-overlapping edits to <paramref name="source"/>, each at its offset in the original.</summary>
    public static byte[] Apply(byte[] source, params IEnumerable<ByteEdit> edits)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var result = new MemoryStream(source.Length);
        var at = 0;
        foreach (var edit in edits.OrderBy(e => e.Start))
        {
            result.Write(source, at, edit.Start - at);
            result.Write(edit.Replacement);
            at = edit.End;
        }

        result.Write(source, at, source.Length - at);
        return result.ToArray();
    }
}
