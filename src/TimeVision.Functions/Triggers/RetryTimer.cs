using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using TimeVision.Core.Estimating.Pipeline;

namespace TimeVision.Functions.Triggers;

/// <summary>
/// On the schedule in the app setting <c>RetrySchedule</c> (every 15 minutes as deployed): retries the documents whose pages failed for a cause of the
/// moment or of configuration, with a wait that doubles per document and a daily cap (<see cref="RetrySweep"/>).
/// </summary>
/// <param name="sweep">Finds the due documents and starts their retries.</param>
public sealed class RetryTimer(RetrySweep sweep)
{
    /// <summary>The app setting holding the timer's NCRONTAB schedule.</summary>
    public const string ScheduleSetting = "RetrySchedule";

    /// <summary>Runs one sweep.</summary>
    [Function("RetryFailedPages")]
    public Task RunAsync(
        [TimerTrigger($"%{ScheduleSetting}%")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) => sweep.RunAsync(client, cancellationToken);
}
