using Microsoft.Azure.Functions.Worker;
using TimeVision.Core.Learning.CalibrationTraining;

namespace TimeVision.Functions.Triggers;

/// <summary>
/// Every hour at :45: trains the active model's calibration again once <c>Calibration:RecalibrateAfterLabels</c>
/// documents have been labelled since its current one (<see cref="Recalibration"/>), so new estimates carry a
/// calibrated time that has learned from the latest real times; the engine's factors per operation with it.
/// </summary>
/// <param name="recalibration">Decides and trains.</param>
public sealed class RecalibrationTimer(Recalibration recalibration)
{
    /// <summary>Runs the hourly look.</summary>
    [Function("Recalibrate")]
    public Task RunAsync([TimerTrigger("0 45 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        recalibration.RunIfDueAsync(cancellationToken);
}
