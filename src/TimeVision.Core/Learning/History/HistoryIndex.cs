using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.Offline;
using TimeVision.Core.Learning.Feedback;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Learning.History;

/// <summary>A past part found similar to a question, with its score.</summary>
/// <param name="Entry">The labelled part.</param>
/// <param name="Score">Its similarity, from 0 to 1 (<see cref="Similarity"/>).</param>
public sealed record Neighbour(HistoryEntry Entry, double Score);

/// <summary>
/// The shop's labelled parts in memory, for k-nearest-neighbour questions answered without I/O. The index is kept in a
/// store (<see cref="IHistoryStore"/>) and loaded once; it is kept current against the label index
/// (<see cref="IEstimateStore.ListLabelVersionsAsync"/>, one cheap read): a document whose label version changed since
/// its entries were built (new feedback, an import, a new estimate) is read again and its entries replaced, and a
/// document no longer labelled leaves the index. So feedback saved by any host, and labels written by any other path,
/// reach every host within <see cref="HistoryOptions.RefreshInterval"/>.
/// </summary>
public sealed class HistoryIndex(
    IHistoryStore store,
    IEstimateStore estimates,
    IBlobStore blobs,
    IOptionsMonitor<HistoryOptions> options,
    TimeProvider time,
    ILogger<HistoryIndex> logger)
    : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Dictionary<string, List<HistoryEntry>>? _byDocument;
    private IReadOnlyList<HistoryEntry> _entries = [];
    private DateTimeOffset _checkedAt;

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    /// <summary>Every labelled part, current within <see cref="HistoryOptions.RefreshInterval"/>.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> EntriesAsync(CancellationToken cancellationToken)
    {
        if (_byDocument is null || time.GetUtcNow() - _checkedAt >= options.CurrentValue.RefreshInterval)
        {
            await RefreshAsync(rebuildAll: false, cancellationToken);
        }

        return _entries;
    }

    /// <summary>
    /// Brings the index up to date with the label index now: documents whose labels changed are read again (with
    /// <paramref name="rebuildAll"/>, every labelled document is). Returns how many documents were read.
    /// </summary>
    public async Task<int> RefreshAsync(bool rebuildAll, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var byDocument = _byDocument ?? (await store.ListAsync(cancellationToken))
                .GroupBy(e => e.DocumentId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            var labelled = new HashSet<string>(StringComparer.Ordinal);
            var read = 0;
            await foreach (var version in estimates.ListLabelVersionsAsync(cancellationToken))
            {
                labelled.Add(version.DocumentId);
                if (!rebuildAll && byDocument.TryGetValue(version.DocumentId, out var known) && known.Count > 0 && known[0].LabelVersion == version.Version)
                {
                    continue;
                }

                var entries = await BuildAsync(version, cancellationToken);
                await store.ReplaceAsync(version.DocumentId, entries, cancellationToken);
                byDocument[version.DocumentId] = [.. entries];
                read++;
            }

            foreach (var gone in byDocument.Keys.Where(id => !labelled.Contains(id)).ToList())
            {
                await store.ReplaceAsync(gone, [], cancellationToken);
                byDocument.Remove(gone);
            }

            _byDocument = byDocument;
            _entries = [.. byDocument.Values.SelectMany(e => e)];
            _checkedAt = time.GetUtcNow();
            if (read > 0)
            {
                Log.IndexUpdated(logger, read, _entries.Count);
            }

            return read;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The <paramref name="k"/> entries most similar to <paramref name="query"/> among those <paramref name="allowed"/>
    /// lets through, best first (ties: the most recent label first, then by key, so the answer is stable).
    /// </summary>
    public static IReadOnlyList<Neighbour> Nearest(IReadOnlyList<HistoryEntry> entries, PartFeatures query, int k, Func<HistoryEntry, bool> allowed)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(allowed);
        var best = new PriorityQueue<Neighbour, (double Score, DateTimeOffset EnteredAt)>();
        foreach (var entry in entries)
        {
            if (!allowed(entry))
            {
                continue;
            }

            var neighbour = new Neighbour(entry, Similarity.Score(query, entry.Features));
            var rank = (neighbour.Score, entry.EnteredAt);
            if (best.Count < k)
            {
                best.Enqueue(neighbour, rank);
            }
            else if (best.TryPeek(out _, out var worst) && (rank.Score > worst.Score || (rank.Score == worst.Score && rank.EnteredAt > worst.EnteredAt)))
            {
                best.EnqueueDequeue(neighbour, rank);
            }
        }

        return [.. best.UnorderedItems.Select(item => item.Element)
            .OrderByDescending(n => n.Score)
            .ThenByDescending(n => n.Entry.EnteredAt)
            .ThenBy(n => n.Entry.Key, StringComparer.Ordinal)];
    }

    private async Task<IReadOnlyList<HistoryEntry>> BuildAsync(LabelVersion version, CancellationToken cancellationToken)
    {
        var document = await estimates.GetAsync(version.DocumentId, cancellationToken);
        if (document is null)
        {
            return [];
        }

        var labels = FeedbackLabels.Choose(document.Feedback, DocumentParts.AllSources).ToList();
        var parts = await DocumentParts.ReadAsync(document, blobs, cancellationToken);
        return [.. parts
            .Select(part => (part, label: DocumentParts.LabelOf(labels, part.Number, parts.Count)))
            .Where(p => p.label is not null && p.part.Features is not null)
            .Select(p => new HistoryEntry
            {
                DocumentId = document.Id,
                Part = p.part.Number,
                Sheet = p.part.Sheets.FirstOrDefault(1),
                LabelVersion = version.Version,
                File = document.FileName,
                DrawingNumber = p.part.DrawingNumber,
                PartName = p.part.PartName,
                Features = p.part.Features!,
                ActualMinutes = p.label!.ActualMinutes,
                Source = p.label.Source,
                Rows = LabelRows.Of(p.label),
                EnteredAt = p.label.EnteredAt,
            })];
    }
}

/// <summary>How many production orders a label's time stands for.</summary>
internal static class LabelRows
{
    /// <summary>
    /// The production orders an imported label was aggregated from (<see cref="ShopFeedback.Import"/>); 1 for a time
    /// entered by hand.
    /// </summary>
    public static int Of(ShopFeedback label) => label is null ? 0 : label.Import?.Rows ?? 1;
}
