using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Learning.Calibration;

/// <summary>The engine's rows of labelled documents: its own plan of each (<see cref="EstimatePlans.EnginePlanAsync"/>) beside the real times.</summary>
/// <param name="plans">Plans a document as it stands, without factors.</param>
public sealed class EngineRows(EstimatePlans plans)
{
    /// <summary>The row of one document, or <see langword="null"/> when the engine has nothing to plan for it.</summary>
    /// <param name="documentId">The document.</param>
    /// <param name="pageFacts">Its pages' stored facts (for a document never stored as an estimate).</param>
    /// <param name="actualMinutes">The real time per piece.</param>
    /// <param name="setupMinutes">The batch's real setup minutes, when known apart.</param>
    /// <param name="runMinutes">The real run minutes per piece, when known apart.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<EngineRow?> RowAsync(
        string documentId, IEnumerable<BlobReference?> pageFacts, double actualMinutes, double? setupMinutes, double? runMinutes, CancellationToken cancellationToken) =>
        await plans.EnginePlanAsync(documentId, pageFacts, cancellationToken) is { } plan
            ? new EngineRow(documentId, plan, actualMinutes, setupMinutes, runMinutes)
            : null;
}
