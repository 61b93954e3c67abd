namespace TimeVision.Core.Estimating.Pipeline.Durable;

/// <summary>
/// Runs one task per item with at most <c>limit</c> in flight, and returns the results in item order. Deterministic
/// under orchestration replay: tasks start in item order, and when several have finished the lowest index is taken.
/// </summary>
public static class BoundedFanOut
{
    /// <summary>Runs <paramref name="start"/> for every item, at most <paramref name="limit"/> at a time.</summary>
    public static async Task<IReadOnlyList<TResult>> RunAsync<TItem, TResult>(
        IReadOnlyList<TItem> items, int limit, Func<TItem, Task<TResult>> start)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);

        var results = new TResult[items.Count];
        var inFlight = new List<(int Index, Task<TResult> Task)>();
        var next = 0;
        while (next < items.Count || inFlight.Count > 0)
        {
            while (inFlight.Count < limit && next < items.Count)
            {
                inFlight.Add((next, start(items[next])));
                next++;
            }

            await Task.WhenAny(inFlight.Select(f => f.Task));
            var finished = inFlight.First(f => f.Task.IsCompleted);
            results[finished.Index] = await finished.Task;
            inFlight.Remove(finished);
        }

        return results;
    }
}
