using TimeVision.Core.Estimating.Facts;

namespace TimeVision.Core.Learning.History;

/// <summary>
/// The drawing numbers read from an import's PDFs, looked up level by level as <see cref="DrawingNumbers"/> says:
/// exactly, then without case, spaces and dashes, then also without a sheet or revision suffix. The first level
/// that finds anything answers; more than one document there is a shared number, reported rather than guessed.
/// </summary>
public sealed class DrawingNumberIndex
{
    private readonly Dictionary<string, List<Entry>> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entry>> _compact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entry>> _withoutSuffix = new(StringComparer.Ordinal);

    /// <summary>Adds a number read from a PDF.</summary>
    public void Add(string number, string file, string documentId)
    {
        ArgumentNullException.ThrowIfNull(number);
        var entry = new Entry(number.Trim(), file, documentId);
        Add(_exact, entry.Number, entry);
        Add(_compact, DrawingNumbers.Compact(entry.Number), entry);
        Add(_withoutSuffix, DrawingNumbers.Compact(DrawingNumbers.WithoutSuffix(entry.Number).Base), entry);
    }

    /// <summary>What a times file's number finds: nothing, one document (with what was normalised), or several.</summary>
    public DrawingNumberMatch Find(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var written = number.Trim();
        var (writtenBase, writtenSuffix) = DrawingNumbers.WithoutSuffix(written);
        var levels = new (Dictionary<string, List<Entry>> Index, string Key, bool Suffix)[]
        {
            (_exact, written, false),
            (_compact, DrawingNumbers.Compact(written), false),
            (_withoutSuffix, DrawingNumbers.Compact(writtenBase), true),
        };
        foreach (var (index, key, suffix) in levels)
        {
            if (!index.TryGetValue(key, out var entries))
            {
                continue;
            }

            var documents = entries.DistinctBy(e => e.DocumentId).ToList();
            if (documents.Count > 1)
            {
                return new DrawingNumberMatch(null, null, [], [.. documents.Select(e => e.File).Order(StringComparer.Ordinal)]);
            }

            var found = documents[0];
            var normalised = new List<string>();
            if (suffix)
            {
                var (readBase, readSuffix) = DrawingNumbers.WithoutSuffix(found.Number);
                normalised.AddRange(DrawingNumbers.Differences(writtenBase, readBase));
                normalised.AddRange(new[] { writtenSuffix, readSuffix }.OfType<string>().Select(s => $"suffix '{s}'"));
            }
            else
            {
                normalised.AddRange(DrawingNumbers.Differences(written, found.Number));
            }

            return new DrawingNumberMatch(found.DocumentId, found.File, normalised, []);
        }

        return new DrawingNumberMatch(null, null, [], []);
    }

    private static void Add(Dictionary<string, List<Entry>> index, string key, Entry entry)
    {
        if (!index.TryGetValue(key, out var entries))
        {
            index[key] = entries = [];
        }

        if (!entries.Any(e => e.DocumentId == entry.DocumentId && e.Number == entry.Number))
        {
            entries.Add(entry);
        }
    }

    private sealed record Entry(string Number, string File, string DocumentId);
}

/// <summary>What a drawing number found.</summary>
/// <param name="DocumentId">The one document that carries it, when exactly one does.</param>
/// <param name="File">That document's PDF.</param>
/// <param name="Normalised">What had to be normalised to match.</param>
/// <param name="SharedBy">The PDFs, when several documents carry it.</param>
public sealed record DrawingNumberMatch(string? DocumentId, string? File, IReadOnlyList<string> Normalised, IReadOnlyList<string> SharedBy);
