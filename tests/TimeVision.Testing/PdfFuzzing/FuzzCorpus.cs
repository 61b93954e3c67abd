namespace TimeVision.Testing.PdfFuzzing;

/// <summary>
/// The good PDFs mutants are made from: the shared drawings, or the two in <c>tests/samples</c> when the corpus is not
/// on this machine. A seed alone names a mutant: it picks the drawing (seed modulo the count, in file-name order) and
/// every mutation, so <c>fuzz --seed S --count 1</c> makes the same mutant again.
/// </summary>
public sealed class FuzzCorpus
{
    private readonly IReadOnlyList<(string Name, byte[] Bytes)> _drawings;

    private FuzzCorpus(string folder, IReadOnlyList<(string Name, byte[] Bytes)> drawings) => (Folder, _drawings) = (folder, drawings);

    /// <summary>Where the drawings were read from.</summary>
    public string Folder { get; }

    /// <summary>How many drawings there are.</summary>
    public int Count => _drawings.Count;

    /// <summary>The shared drawings when present, else <c>tests/samples</c>.</summary>
    public static FuzzCorpus Load() => Load(SharedDrawings.Folder ?? Path.Combine(RepositoryPaths.Root, "tests", "samples"));

    /// <summary>Every PDF in <paramref name="folder"/>.</summary>
    public static FuzzCorpus Load(string folder) => new(
        folder,
        [.. Directory.EnumerateFiles(folder, "*.pdf").Order(StringComparer.Ordinal).Select(path => (Path.GetFileName(path), File.ReadAllBytes(path)))]);

    /// <summary>The mutant <paramref name="seed"/> names.</summary>
    public PdfMutant Mutant(int seed)
    {
        var (name, bytes) = _drawings[(int)((uint)seed % (uint)_drawings.Count)];
        return PdfMutator.Mutate(name, bytes, seed);
    }
}
