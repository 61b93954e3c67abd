using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Learning.CalibrationTraining;

namespace TimeVision.Core.Learning.Calibration;

/// <summary>How well each learner did in cross-validation on the training side, as MAPE in %.</summary>
/// <param name="RawMape">The model's own estimates.</param>
/// <param name="FactorsMape">Shrunk correction factors per part type.</param>
/// <param name="TreesMape">Gradient-boosted trees; <see langword="null"/> when there were too few labels to try them.</param>
public sealed record CalibrationMetrics(double RawMape, double FactorsMape, double? TreesMape);

/// <summary>
/// A trained calibration for one model: what corrects its estimates towards the shop's real times, the interval that
/// goes with a corrected time, and where it came from. Stored versioned, as JSON.
/// </summary>
public sealed record CalibrationArtefact
{
    /// <summary>The model whose estimates it corrects.</summary>
    public required string Model { get; init; }

    /// <summary>A version: the time it was made and the training set's hash.</summary>
    public required string Version { get; init; }

    /// <summary>When it was trained.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>SHA-256 over the training documents' ids and label versions: the same labels give the same hash.</summary>
    public required string TrainingSetHash { get; init; }

    /// <summary>The split's validation share; training used only the other side.</summary>
    public required int ValidationPercent { get; init; }

    /// <summary>Training documents.</summary>
    public required int Documents { get; init; }

    /// <summary>
    /// Labelled documents in the store when it was trained, both sides of the split: the recalibration timer counts new
    /// labels from here (<see cref="Recalibration"/>).
    /// </summary>
    public int LabelledDocuments { get; init; }

    /// <summary><c>part_type_factors</c> or <c>boosted_trees</c>, chosen by cross-validation.</summary>
    public required string Learner { get; init; }

    /// <summary>Cross-validation figures of each learner.</summary>
    public required CalibrationMetrics Metrics { get; init; }

    /// <summary>The 10th percentile of the chosen learner's cross-validated log residuals, ln(actual / calibrated).</summary>
    public required double IntervalLowLog { get; init; }

    /// <summary>The 90th percentile of the same.</summary>
    public required double IntervalHighLog { get; init; }

    /// <summary>The correction factor over all part types.</summary>
    public required double OverallFactor { get; init; }

    /// <summary>The shrunk correction factor per part type (<c>ROT</c>, <c>PRI</c>, <c>COMBINED</c>).</summary>
    public required IReadOnlyDictionary<PartType, double> Factors { get; init; }

    /// <summary>The trees as an ML.NET model (base64 of its zip), when the learner is <c>boosted_trees</c>.</summary>
    public string? Trees { get; init; }
}
