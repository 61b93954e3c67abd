using TimeVision.Core.Estimating.Estimates;

namespace TimeVision.Core.Estimating.Pipeline;

/// <summary>
/// Puts the calibrated time beside the model's when a document's estimate is assembled. The shop's calibration provides
/// it; without one a document has no calibrated time (<see cref="NoDocumentCalibration"/>).
/// </summary>
public interface IDocumentCalibration
{
    /// <summary><paramref name="document"/> with its calibrated times, or as it is when no calibration applies.</summary>
    /// <param name="document">The assembled estimate.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    Task<DocumentEstimate> ApplyAsync(DocumentEstimate document, CancellationToken cancellationToken);
}

/// <summary>No calibration: the document as it was assembled.</summary>
public sealed class NoDocumentCalibration : IDocumentCalibration
{
    /// <inheritdoc />
    public Task<DocumentEstimate> ApplyAsync(DocumentEstimate document, CancellationToken cancellationToken) => Task.FromResult(document);
}
