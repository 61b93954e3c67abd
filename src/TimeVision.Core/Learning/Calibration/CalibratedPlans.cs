using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Core.Learning.Calibration;

/// <summary>The factors per operation plans show: the engine's current calibration (<c>timevision calibrate</c>), when there is one.</summary>
/// <param name="store">Where calibrations are kept.</param>
public sealed class CalibratedPlans(CalibrationStore store) : IPlanCalibration
{
    /// <inheritdoc />
    public async Task<OperationFactors?> CurrentAsync(CancellationToken cancellationToken) =>
        (await store.CurrentEngineAsync(cancellationToken))?.ToFactors();
}
