using TimeVision.Core.Estimating.Estimates;

namespace TimeVision.Core.Estimating.Pipeline;

/// <summary>
/// The stored figures <c>Estimate:Method = best</c> compares: how close the engine's and the answering model's numbers
/// came to the shop's real times. The shop's calibrations provide them; without them there are none
/// (<see cref="NoEstimateMethodScores"/>) and the default rule decides.
/// </summary>
public interface IEstimateMethodScores
{
    /// <summary>The stored figures of the engine and of the model that answered <paramref name="document"/>, each absent when none is stored.</summary>
    /// <param name="document">The assembled estimate.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    Task<MethodScores> FindAsync(DocumentEstimate document, CancellationToken cancellationToken);
}

/// <summary>No stored figures.</summary>
public sealed class NoEstimateMethodScores : IEstimateMethodScores
{
    /// <inheritdoc />
    public Task<MethodScores> FindAsync(DocumentEstimate document, CancellationToken cancellationToken) => Task.FromResult(MethodScores.None);
}
