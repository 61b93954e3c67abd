namespace TimeVision.Core.Learning.FineTuning;

/// <summary>Stores the fine-tuning jobs TimeVision started, and the progress of each durable start.</summary>
public interface IFineTuneJobStore
{
    /// <summary>Adds or replaces a job's record.</summary>
    Task SaveAsync(FineTuneJob job, CancellationToken cancellationToken);

    /// <summary>Every job, oldest first.</summary>
    Task<IReadOnlyList<FineTuneJob>> ListAsync(CancellationToken cancellationToken);

    /// <summary>A job's record, or <see langword="null"/>.</summary>
    Task<FineTuneJob?> GetAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>Adds or replaces a start's progress.</summary>
    Task SaveStartAsync(StoredFineTuneStart start, CancellationToken cancellationToken);

    /// <summary>A start's progress, or <see langword="null"/> before its first step.</summary>
    Task<StoredFineTuneStart?> GetStartAsync(string startId, CancellationToken cancellationToken);
}
