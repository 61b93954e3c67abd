namespace TimeVision.Core.Estimating.Pipeline.Recovery;

/// <summary>
/// Where the runs that have not saved their estimate yet are recorded: the intake records each run it starts, the save
/// step removes it. <see cref="UnfinishedRuns"/> reads what is left after a crash.
/// </summary>
public interface IRunJournal
{
    /// <summary>Records a run (replacing the document's earlier record, if any).</summary>
    Task RecordAsync(RunRecord run, CancellationToken cancellationToken);

    /// <summary>The document's recorded run, or <see langword="null"/>.</summary>
    Task<RunRecord?> GetAsync(string documentId, CancellationToken cancellationToken);

    /// <summary>Every recorded run, in document id order.</summary>
    IAsyncEnumerable<RunRecord> ListAsync(CancellationToken cancellationToken);

    /// <summary>Removes the document's record; nothing happens when there is none.</summary>
    Task RemoveAsync(string documentId, CancellationToken cancellationToken);
}
