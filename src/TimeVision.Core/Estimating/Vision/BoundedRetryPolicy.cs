using System.ClientModel.Primitives;
using System.Diagnostics;
using System.Globalization;

namespace TimeVision.Core.Estimating.Vision;

/// <summary>
/// The OpenAI SDK's own retry policy (408, 429, 5xx, timeouts and network errors), tuned: it honours
/// <c>Retry-After</c> / <c>retry-after-ms</c>, backs off exponentially with jitter otherwise, caps each wait, and starts
/// no retry that would take the request past its total time budget.
/// </summary>
internal sealed class BoundedRetryPolicy : ClientRetryPolicy
{
    private readonly int _maxRetries;
    private readonly TimeSpan _initialDelay;
    private readonly TimeSpan _maxDelay;
    private readonly TimeSpan _maxDuration;
    private readonly TimeProvider _time;

#pragma warning disable IDE0290 // It reads its settings out of the options once, and passes one to the base policy.
    public BoundedRetryPolicy(VisionOptions options, TimeProvider time)
        : base(options.MaxRetries)
    {
        _maxRetries = options.MaxRetries;
        _initialDelay = options.InitialRetryDelay;
        _maxDelay = options.MaxRetryDelay;
        _maxDuration = options.MaxRetryDuration;
        _time = time;
    }
#pragma warning restore IDE0290

    protected override void OnSendingRequest(PipelineMessage message)
    {
        if (message.TryGetProperty(typeof(TryState), out var value) && value is TryState state)
        {
            state.Tries++;
        }
        else
        {
            message.SetProperty(typeof(TryState), new TryState(_time.GetTimestamp()) { Tries = 1 });
        }
    }

    protected override ValueTask OnSendingRequestAsync(PipelineMessage message)
    {
        OnSendingRequest(message);
        return ValueTask.CompletedTask;
    }

    protected override bool ShouldRetry(PipelineMessage message, Exception? exception)
    {
        var state = message.TryGetProperty(typeof(TryState), out var value) && value is TryState tries
            ? tries
            : new TryState(_time.GetTimestamp()) { Tries = 1 };
        if (state.Tries > _maxRetries
            || !(base.ShouldRetry(message, exception) || IsTimeout(message, exception)))
        {
            return false;
        }

        state.NextDelay = ComputeDelay(message.Response, state.Tries);
        return _time.GetElapsedTime(state.StartedAt) + state.NextDelay < _maxDuration;
    }

    protected override TimeSpan GetNextDelay(PipelineMessage message, int tryCount) =>
        message.TryGetProperty(typeof(TryState), out var value) && value is TryState state
            ? state.NextDelay
            : ComputeDelay(message.Response, tryCount);

    private TimeSpan ComputeDelay(PipelineResponse? response, int tryCount)
    {
        var asked = RetryAfter(response);
        if (asked is { } retryAfter)
        {
            return retryAfter < _maxDelay ? retryAfter : _maxDelay;
        }

        // Exponential backoff with "equal jitter": half fixed, half random, so parallel pages do not retry in step.
        var exponential = _initialDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, tryCount - 1));
        var capped = Math.Min(exponential, _maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((capped / 2) + (Random.Shared.NextDouble() * capped / 2));
    }

    protected override Task WaitAsync(TimeSpan time, CancellationToken cancellationToken) =>
        Task.Delay(time, _time, cancellationToken);

    /// <summary>A request that hit the client's network timeout (not the caller's cancellation) is worth retrying.</summary>
    private static bool IsTimeout(PipelineMessage message, Exception? exception) =>
        exception is OperationCanceledException && !message.CancellationToken.IsCancellationRequested;

    private static TimeSpan? RetryAfter(PipelineResponse? response)
    {
        if (response is null)
        {
            return null;
        }

        if (response.Headers.TryGetValue("retry-after-ms", out var milliseconds)
            && double.TryParse(milliseconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0)
        {
            return TimeSpan.FromMilliseconds(ms);
        }

        if (response.Headers.TryGetValue("Retry-After", out var retryAfter) && retryAfter is not null)
        {
            if (double.TryParse(retryAfter, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            {
                return TimeSpan.FromSeconds(seconds);
            }

            if (DateTimeOffset.TryParse(retryAfter, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                var wait = date - DateTimeOffset.UtcNow;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        return null;
    }

    /// <summary>When a request's first try started and how many tries it has sent.</summary>
    [DebuggerDisplay("{Tries} tries")]
    private sealed class TryState(long startedAt)
    {
        public long StartedAt { get; } = startedAt;

        public int Tries { get; set; }

        public TimeSpan NextDelay { get; set; }
    }
}
