using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace TimeVision.Core.Tests.Support;

/// <summary>
/// A fake clock that also tells the test when the code under test starts waiting on it, and for how long: a
/// <c>Task.Delay(delay, timeProvider, …)</c> creates a timer here, which fires only when the test advances the clock.
/// </summary>
internal sealed class WaitWatchingTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _waits = Channel.CreateUnbounded<TimeSpan>();

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _waits.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>
    /// The length of the next wait <paramref name="work"/> starts on this clock, as soon as it starts; or
    /// <see langword="null"/> when the work finishes without waiting.
    /// </summary>
    public async Task<TimeSpan?> NextWaitAsync(Task work, CancellationToken cancellationToken)
    {
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var wait = _waits.Reader.ReadAsync(stopReading.Token).AsTask();
        if (await Task.WhenAny(wait, work) == wait)
        {
            return await wait;
        }

        await stopReading.CancelAsync();
        return null;
    }
}
