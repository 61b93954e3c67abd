using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Core.Learning.Calibration;

/// <summary>How well the engine did, raw and with its factors, on the training side, as MAPE in %.</summary>
/// <param name="EngineMape">The engine's minutes per piece against the real ones (<see langword="null"/> when no plan has minutes).</param>
/// <param name="CalibratedMape">With the factors, five-fold cross-validated (each fold scored by factors fitted without it).</param>
/// <param name="EngineSetupMape">The engine's setup minutes against the real ones, when labels have setup apart.</param>
/// <param name="CalibratedSetupMape">The same with the setup factors, cross-validated likewise.</param>
public sealed record EngineCalibrationMetrics(double? EngineMape, double? CalibratedMape, double? EngineSetupMape, double? CalibratedSetupMape);

/// <summary>
/// The engine's calibration: the shop's factors per operation kind on the engine's setup and per-piece minutes,
/// learned from the real times by <see cref="EngineCalibrator"/>, and where they came from. Stored versioned beside the
/// models' calibrations, as JSON (<see cref="CalibrationStore"/>).
/// </summary>
public sealed record EngineCalibration
{
    /// <summary>What calibrations are of: the engine (<see cref="Estimating.Estimates.ModelIds.Engine"/>).</summary>
    public required string Model { get; init; }

    /// <summary>A version: the time it was made and the training set's hash.</summary>
    public required string Version { get; init; }

    /// <summary>When it was trained.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>SHA-256 over the training documents' ids and label versions: the same labels give the same hash.</summary>
    public required string TrainingSetHash { get; init; }

    /// <summary>The split's validation share; training used only the other side.</summary>
    public required int ValidationPercent { get; init; }

    /// <summary><see cref="EngineCalibrator.Learner"/>.</summary>
    public required string Learner { get; init; }

    /// <summary>The version of the learner's method (<see cref="EngineCalibrator.LearnerVersion"/>): a different one reads the factors differently.</summary>
    public required int LearnerVersion { get; init; }

    /// <summary>The cutting data the engine planned with: the factors correct its minutes.</summary>
    public string? CuttingDataVersion { get; init; }

    /// <summary>Training documents the engine could plan.</summary>
    public required int Documents { get; init; }

    /// <summary>Of those, how many have the real setup minutes apart.</summary>
    public required int SetupDocuments { get; init; }

    /// <summary>Of those, how many have the real run minutes apart.</summary>
    public required int RunDocuments { get; init; }

    /// <summary>Labelled documents in the store when it was trained, both sides of the split.</summary>
    public int LabelledDocuments { get; init; }

    /// <summary>The factor on each kind's setup minutes.</summary>
    public required IReadOnlyList<KindFactor> Setup { get; init; }

    /// <summary>The factor on each kind's minutes per piece.</summary>
    public required IReadOnlyList<KindFactor> Cycle { get; init; }

    /// <summary>Cross-validation figures.</summary>
    public required EngineCalibrationMetrics Metrics { get; init; }

    /// <summary>The factors as plans apply them.</summary>
    public OperationFactors ToFactors() => new()
    {
        Calibration = $"{Model} {Version}",
        Setup = Setup.ToDictionary(f => f.Kind, f => f.Factor),
        Cycle = Cycle.ToDictionary(f => f.Kind, f => f.Factor),
    };
}
