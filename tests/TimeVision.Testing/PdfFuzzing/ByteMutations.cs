using System.Globalization;

namespace TimeVision.Testing.PdfFuzzing;

/// <summary>Mutations that know nothing of PDF: what a bad disk, a cut-off upload or a careless tool does.</summary>
internal static class ByteMutations
{
    private const int MaxChunk = 4096;

    public static MutationResult? FlipBits(byte[] pdf, PdfLayout layout, Random random)
    {
        if (pdf.Length == 0)
        {
            return null;
        }

        var bytes = (byte[])pdf.Clone();
        var positions = new List<int>();
        for (var flips = random.Next(1, 17); flips > 0; flips--)
        {
            var at = random.Next(bytes.Length);
            bytes[at] ^= (byte)(1 << random.Next(8));
            positions.Add(at);
        }

        return new(bytes, $"flipped a bit at {Join(positions.Order())}");
    }

    public static MutationResult? Truncate(byte[] pdf, PdfLayout layout, Random random)
    {
        if (pdf.Length < 2)
        {
            return null;
        }

        var length = random.Next(1, pdf.Length);
        return new(pdf[..length], Invariant($"cut to {length} of {pdf.Length} bytes"));
    }

    public static MutationResult? DeleteChunk(byte[] pdf, PdfLayout layout, Random random)
    {
        if (pdf.Length < 2)
        {
            return null;
        }

        var start = random.Next(pdf.Length - 1);
        var length = random.Next(1, Math.Min(MaxChunk, pdf.Length - start) + 1);
        return new(ByteEdit.Apply(pdf, new ByteEdit(start, start + length, [])), Invariant($"deleted {length} bytes at {start}"));
    }

    public static MutationResult? DuplicateChunk(byte[] pdf, PdfLayout layout, Random random)
    {
        if (pdf.Length < 2)
        {
            return null;
        }

        var start = random.Next(pdf.Length - 1);
        var length = random.Next(1, Math.Min(MaxChunk, pdf.Length - start) + 1);
        var insertAt = random.Next(pdf.Length + 1);
        return new(
            ByteEdit.Apply(pdf, new ByteEdit(insertAt, insertAt, pdf[start..(start + length)])),
            Invariant($"copied {length} bytes from {start} to {insertAt}"));
    }

    public static MutationResult? ZeroHeader(byte[] pdf, PdfLayout layout, Random random)
    {
        var header = layout.Text.IndexOf("%PDF-", StringComparison.Ordinal);
        if (header < 0)
        {
            return null;
        }

        var bytes = (byte[])pdf.Clone();
        var length = Math.Min(random.Next(2) == 0 ? "%PDF-1.x".Length : 1024, bytes.Length - header);
        Array.Clear(bytes, header, length);
        return new(bytes, Invariant($"zeroed {length} bytes from the header at {header}"));
    }

    internal static string Join(IEnumerable<int> offsets) => string.Join(", ", offsets.Select(o => o.ToString(CultureInfo.InvariantCulture)));

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
