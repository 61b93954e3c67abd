using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Core.Estimating.Pipeline;

/// <summary>
/// The shop's factors per operation that a plan shows beside the engine's minutes. The shop's calibration of the
/// engine provides them; without one a plan shows none (<see cref="NoPlanCalibration"/>).
/// </summary>
public interface IPlanCalibration
{
    /// <summary>The current factors, or <see langword="null"/> when the engine has no calibration.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<OperationFactors?> CurrentAsync(CancellationToken cancellationToken);
}

/// <summary>No calibration: plans show the engine's minutes alone.</summary>
public sealed class NoPlanCalibration : IPlanCalibration
{
    /// <inheritdoc />
    public Task<OperationFactors?> CurrentAsync(CancellationToken cancellationToken) => Task.FromResult<OperationFactors?>(null);
}
