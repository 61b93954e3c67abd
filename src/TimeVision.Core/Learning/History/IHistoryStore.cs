namespace TimeVision.Core.Learning.History;

/// <summary>
/// Where the history index lives: one entry per labelled part, all read at once (Cosmos DB: one partition of the
/// <c>estimates</c> container; on one machine: a file in the data folder).
/// </summary>
public interface IHistoryStore
{
    /// <summary>Every entry.</summary>
    Task<IReadOnlyList<HistoryEntry>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Replaces a document's entries with <paramref name="entries"/> (none: the document leaves the index).</summary>
    Task ReplaceAsync(string documentId, IReadOnlyList<HistoryEntry> entries, CancellationToken cancellationToken);
}
