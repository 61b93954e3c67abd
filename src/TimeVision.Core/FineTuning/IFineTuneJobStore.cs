namespace TimeVision.Core.FineTuning;

/// <summary>Stores the fine-tuning jobs TimeVision started.</summary>
public interface IFineTuneJobStore
{
    /// <summary>Adds or replaces a job's record.</summary>
    Task SaveAsync(FineTuneJob job, CancellationToken cancellationToken);

    /// <summary>Every job, oldest first.</summary>
    Task<IReadOnlyList<FineTuneJob>> ListAsync(CancellationToken cancellationToken);
}
