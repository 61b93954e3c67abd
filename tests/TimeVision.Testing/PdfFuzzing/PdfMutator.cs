namespace TimeVision.Testing.PdfFuzzing;

/// <summary>
/// Makes damaged PDFs from good ones, deterministically: the same source bytes and seed always give the same mutant, so
/// a failure is reproduced from the seed and the drawing's name alone. One mutation in three of four mutants, two
/// stacked in the rest. The mutations know enough of PDF to aim at one layer (the cross-reference table, a stream's
/// length, a content stream's numbers) and, where they move objects, re-index them, so that many mutants still open and
/// the damage reaches the renderer and the text layer rather than stopping at the first check.
/// </summary>
public static class PdfMutator
{
    private delegate MutationResult? Mutation(byte[] pdf, PdfLayout layout, Random random);

    /// <summary>Each kind with its weight: how many tickets it has in the draw.</summary>
    private static readonly (PdfMutationKind Kind, int Weight, Mutation Apply)[] Mutations =
    [
        (PdfMutationKind.ByteFlips, 3, ByteMutations.FlipBits),
        (PdfMutationKind.Truncation, 2, ByteMutations.Truncate),
        (PdfMutationKind.ChunkDeletion, 2, ByteMutations.DeleteChunk),
        (PdfMutationKind.ChunkDuplication, 2, ByteMutations.DuplicateChunk),
        (PdfMutationKind.XrefCut, 1, StructureMutations.CutXref),
        (PdfMutationKind.XrefCorruption, 2, StructureMutations.CorruptXref),
        (PdfMutationKind.TrailerCorruption, 1, StructureMutations.CorruptTrailer),
        (PdfMutationKind.StartXrefCorruption, 1, StructureMutations.CorruptStartXref),
        (PdfMutationKind.StreamLengthLie, 2, StreamMutations.LieAboutLength),
        (PdfMutationKind.GarbageObject, 3, StructureMutations.ReplaceObjectWithGarbage),
        (PdfMutationKind.ContentNumbers, 4, StreamMutations.ReplaceContentNumbers),
        (PdfMutationKind.FlateByteSwap, 3, StreamMutations.SwapFlateBytes),
        (PdfMutationKind.HeaderZeroed, 1, ByteMutations.ZeroHeader),
    ];

    private static readonly int TotalWeight = Mutations.Sum(m => m.Weight);

    /// <summary>A mutant of <paramref name="pdf"/> made from <paramref name="seed"/>.</summary>
    /// <param name="sourceName">The source's file name, recorded in the mutant.</param>
    /// <param name="pdf">The good PDF; not changed.</param>
    /// <param name="seed">Picks the mutations and everything about them.</param>
    public static PdfMutant Mutate(string sourceName, byte[] pdf, int seed)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var random = new Random(seed);
        var bytes = pdf;
        var applied = new List<PdfMutation>();
        for (var steps = random.Next(4) == 0 ? 2 : 1; steps > 0; steps--)
        {
            var layout = PdfLayout.Scan(bytes);
            var first = Draw(random);

            // A kind with nothing to work on in this file (no stream with a direct length, say) passes to the next.
            for (var offset = 0; offset < Mutations.Length; offset++)
            {
                var (kind, _, apply) = Mutations[(first + offset) % Mutations.Length];
                if (apply(bytes, layout, random) is { } result)
                {
                    bytes = result.Bytes;
                    applied.Add(new PdfMutation(kind, result.Detail));
                    break;
                }
            }
        }

        return new PdfMutant(sourceName, seed, applied, bytes);
    }

    private static int Draw(Random random)
    {
        var ticket = random.Next(TotalWeight);
        for (var index = 0; ; index++)
        {
            ticket -= Mutations[index].Weight;
            if (ticket < 0)
            {
                return index;
            }
        }
    }
}
