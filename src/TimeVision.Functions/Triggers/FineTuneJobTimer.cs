using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using TimeVision.Core.Learning.FineTuning;

namespace TimeVision.Functions.Triggers;

/// <summary>
/// Checks every unfinished fine-tuning job on the schedule in the app setting <c>FineTuneCheckSchedule</c>
/// (NCRONTAB; the container image sets <c>0 */15 * * * *</c>, every 15 minutes). Each status change is logged by the
/// service; a succeeded job's model becomes a candidate.
/// </summary>
/// <param name="fineTuning">Follows the jobs.</param>
/// <param name="logger">Logs the check's summary.</param>
public sealed partial class FineTuneJobTimer(FineTuneService fineTuning, ILogger<FineTuneJobTimer> logger)
{
    /// <summary>The name of the app setting holding the schedule.</summary>
    public const string ScheduleSetting = "FineTuneCheckSchedule";

    /// <summary>Runs one check.</summary>
    [Function("CheckFineTuneJobs")]
    public async Task RunAsync([TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var jobs = await fineTuning.CheckAsync(cancellationToken);
        Checked(logger, jobs.Count(j => !j.IsFinished), jobs.Count);
    }

    [LoggerMessage(LogLevel.Information, "Fine-tune check done: {Unfinished} of {Total} jobs still running")]
    private static partial void Checked(ILogger logger, int unfinished, int total);
}
