namespace TimeVision.Core.Estimating.Vision.Spend;

/// <summary>
/// Totals per UTC day shared by every instance (automatic retries started, dollars spent), kept with optimistic
/// concurrency so two instances never both take the last unit under a limit.
/// </summary>
public interface IDailyTotals
{
    /// <summary>Adds <paramref name="amount"/> to the day's total unless that would pass <paramref name="limit"/>; whether it was added.</summary>
    Task<bool> TryAddAsync(string name, DateOnly day, double amount, double limit, CancellationToken cancellationToken);

    /// <summary>The day's total so far (0 when nothing was added).</summary>
    Task<double> GetAsync(string name, DateOnly day, CancellationToken cancellationToken);
}
