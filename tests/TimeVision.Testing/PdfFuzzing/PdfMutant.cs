using System.Globalization;

namespace TimeVision.Testing.PdfFuzzing;

/// <summary>The kinds of damage <see cref="PdfMutator"/> does to a PDF.</summary>
public enum PdfMutationKind
{
    /// <summary>A few bits flipped anywhere.</summary>
    ByteFlips,

    /// <summary>The file cut off at a random point.</summary>
    Truncation,

    /// <summary>A run of bytes taken out.</summary>
    ChunkDeletion,

    /// <summary>A run of bytes copied in somewhere else.</summary>
    ChunkDuplication,

    /// <summary>The cross-reference table, or everything from it on, removed.</summary>
    XrefCut,

    /// <summary>Entries or the section header of the cross-reference table changed.</summary>
    XrefCorruption,

    /// <summary>The trailer's <c>/Root</c> or <c>/Size</c> changed, or the trailer dictionary blanked.</summary>
    TrailerCorruption,

    /// <summary>The offset after <c>startxref</c> changed or removed.</summary>
    StartXrefCorruption,

    /// <summary>A stream's <c>/Length</c> made wrong (objects re-indexed, so only the length lies).</summary>
    StreamLengthLie,

    /// <summary>An object's body replaced by garbage (random bytes, deep nesting, reference loops).</summary>
    GarbageObject,

    /// <summary>Numbers in a page content stream replaced by huge or negative values, the stream re-compressed.</summary>
    ContentNumbers,

    /// <summary>Bytes swapped inside a FlateDecode stream's compressed data.</summary>
    FlateByteSwap,

    /// <summary>The <c>%PDF-</c> header zeroed.</summary>
    HeaderZeroed,
}

/// <summary>One mutation applied: its kind and exactly what it did.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Detail">What was changed where, e.g. <c>cut to 1200 of 30336 bytes</c>.</param>
public sealed record PdfMutation(PdfMutationKind Kind, string Detail)
{
    /// <inheritdoc />
    public override string ToString() => $"{Kind}: {Detail}";
}

/// <summary>A mutated PDF and how to make it again: <c>PdfMutator.Mutate(source bytes, Seed)</c>.</summary>
/// <param name="SourceName">The file name of the PDF it was made from.</param>
/// <param name="Seed">The seed that made it.</param>
/// <param name="Mutations">What was done, in order.</param>
/// <param name="Bytes">The mutant.</param>
public sealed record PdfMutant(string SourceName, int Seed, IReadOnlyList<PdfMutation> Mutations, byte[] Bytes)
{
    /// <summary>Enough to make this mutant again and to see what it is.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{SourceName} seed {Seed} ({Bytes.Length} bytes): {string.Join("; ", Mutations)}");
}
