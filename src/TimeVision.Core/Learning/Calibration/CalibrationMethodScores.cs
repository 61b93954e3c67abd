using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Pipeline;

namespace TimeVision.Core.Learning.Calibration;

/// <summary>
/// The figures <c>Estimate:Method = best</c> compares, from the stored calibrations: the current calibration of the
/// <c>engine</c> candidate and that of the model that answered the document. Each holds the MAPE of its candidate's own
/// numbers on the training side of the shop's labels (<see cref="CalibrationMetrics.RawMape"/>), the numbers an
/// estimate's headline shows; nothing is fitted to them, so the figure is already out of sample.
/// </summary>
/// <param name="store">The stored calibrations.</param>
public sealed class CalibrationMethodScores(CalibrationStore store) : IEstimateMethodScores
{
    /// <summary>The evaluation and calibration candidate whose numbers are the process plan's minutes per piece.</summary>
    public const string EngineCandidate = "engine";

    /// <inheritdoc />
    public async Task<MethodScores> FindAsync(DocumentEstimate document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var engine = await ScoreAsync(EngineCandidate, cancellationToken);
        var model = document.Models.Count > 0 ? await ScoreAsync(document.Models[0].Model, cancellationToken) : null;
        return new MethodScores(engine, model);
    }

    private async Task<MethodScore?> ScoreAsync(string candidate, CancellationToken cancellationToken) =>
        await store.CurrentAsync(candidate, cancellationToken) is { Documents: > 0 } calibration && double.IsFinite(calibration.Metrics.RawMape)
            ? new MethodScore(calibration.Metrics.RawMape, calibration.Documents, $"calibration {calibration.Model} {calibration.Version}")
            : null;
}
