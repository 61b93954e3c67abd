using Microsoft.Azure.Functions.Worker;
using TimeVision.Core.ModelOps.Retirement;

namespace TimeVision.Functions.Triggers;

/// <summary>Once a day at 06:00 UTC: logs a warning when the model in use retires within 60 days.</summary>
/// <param name="watch">Looks up the date and warns.</param>
public sealed class ModelRetirementTimer(RetirementWatch watch)
{
    /// <summary>Runs the daily look.</summary>
    [Function("CheckModelRetirement")]
    public Task RunAsync([TimerTrigger("0 0 6 * * *")] TimerInfo timer, CancellationToken cancellationToken) => watch.CheckAsync(cancellationToken);
}
