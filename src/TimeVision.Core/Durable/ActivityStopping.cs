using Microsoft.Extensions.Hosting;

namespace TimeVision.Core.Durable;

/// <summary>
/// What cancels an activity the local Durable Task worker runs: the host stopping (Ctrl+C, <c>serve</c> shutting down,
/// a test disposing its host). The Functions app passes its own token instead (<c>FunctionContext.CancellationToken</c>).
/// </summary>
/// <param name="lifetime">The host's lifetime.</param>
public sealed class ActivityStopping(IHostApplicationLifetime lifetime)
{
    /// <summary>Cancelled once the host begins to stop.</summary>
    public CancellationToken Token => lifetime.ApplicationStopping;
}
