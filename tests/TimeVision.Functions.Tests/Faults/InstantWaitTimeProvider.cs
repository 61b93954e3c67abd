using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace TimeVision.Functions.Tests.Faults;

/// <summary>
/// A fake clock on which every wait ends at once: a one-off timer (what <c>Task.Delay(delay, timeProvider, …)</c>
/// makes, as the vision client's retries do) moves the clock on by its delay, and the delay is recorded. Runs with many
/// retry waits then take no wall time, and a test can see how long each wait was asked to be. Waits under way at the
/// same time all move the one clock, so a run's clock runs ahead by the sum of its waits.
/// </summary>
internal sealed class InstantWaitTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly ConcurrentQueue<TimeSpan> _waits = new();

    public InstantWaitTimeProvider()
        : this(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>Every wait asked for, in the order asked.</summary>
    public IReadOnlyList<TimeSpan> Waits => [.. _waits];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (period == Timeout.InfiniteTimeSpan && dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            _waits.Enqueue(dueTime);

            // Not inline: the caller has not finished setting up its wait until CreateTimer returns.
            ThreadPool.QueueUserWorkItem(_ => Advance(dueTime));
        }

        return timer;
    }
}
