using System.Globalization;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Core.Learning.Calibration;

/// <summary>
/// Trains the engine's calibration: the shop's factors per operation kind (<see cref="FactorKind"/>), fitted by
/// <see cref="OperationFactorFit"/> on the engine's minutes of each labelled document against its real times. Per-piece
/// factors are fitted on the real run minutes where the labels have them apart, else on the whole time per piece;
/// setup factors only on labels with the real setup apart (without any, every setup factor stays 1). The figures are
/// five-fold cross-validated, folds by document id as <see cref="Calibrator"/> makes them.
/// </summary>
public static class EngineCalibrator
{
    /// <summary>The learner's name.</summary>
    public const string Learner = "operation_factors";

    /// <summary>The version of the method: relative, robust, ridge towards 1, clamped, with a minimum of samples per kind.</summary>
    public const int LearnerVersion = 1;

    /// <summary>The cross-validation folds.</summary>
    public const int Folds = 5;

    /// <summary>The cross-validation fold of a document (0–4), from its id's first eight hex digits.</summary>
    /// <param name="documentId">The document (a SHA-256 in hex).</param>
    public static int FoldOf(string documentId)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        return (int)(Convert.ToUInt32(documentId[..8], 16) % Folds);
    }

    /// <summary>Trains on <paramref name="rows"/> (all of them labelled, on the training side).</summary>
    /// <param name="rows">The engine's rows of the training documents.</param>
    /// <param name="trainingSetHash">The training set's hash.</param>
    /// <param name="validationPercent">The split's validation share.</param>
    /// <param name="now">When.</param>
    /// <exception cref="InvalidOperationException">Fewer than two rows.</exception>
    public static EngineCalibration Train(IReadOnlyList<EngineRow> rows, string trainingSetHash, int validationPercent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(trainingSetHash);
        if (rows.Count < 2)
        {
            throw new InvalidOperationException(
                "The engine's calibration needs at least two labelled documents it can plan (features from the text layer, the model or the estimator).");
        }

        var cycle = CrossValidated(rows, CycleSamples);
        var setup = CrossValidated(rows, SetupSamples);
        return new EngineCalibration
        {
            Model = ModelIds.Engine,
            Version = string.Create(CultureInfo.InvariantCulture, $"{now:yyyyMMdd'T'HHmmss'Z'}-{trainingSetHash[..8]}"),
            CreatedAt = now,
            TrainingSetHash = trainingSetHash,
            ValidationPercent = validationPercent,
            Learner = Learner,
            LearnerVersion = LearnerVersion,
            CuttingDataVersion = rows[0].Plan.CuttingDataVersion,
            Documents = rows.Count,
            SetupDocuments = rows.Count(r => r.ActualSetupMinutes is not null),
            RunDocuments = rows.Count(r => r.ActualRunMinutes is not null),
            Setup = OperationFactorFit.Fit(SetupSamples(rows)),
            Cycle = OperationFactorFit.Fit(CycleSamples(rows)),
            Metrics = new EngineCalibrationMetrics(cycle?.Raw, cycle?.Calibrated, setup?.Raw, setup?.Calibrated),
        };
    }

    /// <summary>The factors fitted on <paramref name="rows"/>, as plans apply them (for scoring a document the rows leave out).</summary>
    /// <param name="rows">The rows to fit on; with too few for a kind, its factor is 1.</param>
    /// <param name="calibration">What the factors are called on a plan.</param>
    public static OperationFactors Factors(IReadOnlyList<EngineRow> rows, string calibration) => new()
    {
        Calibration = calibration,
        Setup = OperationFactorFit.Fit(SetupSamples(rows)).ToDictionary(f => f.Kind, f => f.Factor),
        Cycle = OperationFactorFit.Fit(CycleSamples(rows)).ToDictionary(f => f.Kind, f => f.Factor),
    };

    private static List<FactorSample> CycleSamples(IEnumerable<EngineRow> rows) =>
        [.. rows.Select(r => new FactorSample(r.CycleMinutes, r.CycleTarget))];

    private static List<FactorSample> SetupSamples(IEnumerable<EngineRow> rows) =>
        [.. rows.Where(r => r.ActualSetupMinutes > 0).Select(r => new FactorSample(r.SetupMinutes, r.ActualSetupMinutes!.Value))];

    /// <summary>The raw MAPE and the five-fold cross-validated one with factors; <see langword="null"/> with no sample at all.</summary>
    private static (double Raw, double Calibrated)? CrossValidated(IReadOnlyList<EngineRow> rows, Func<IEnumerable<EngineRow>, List<FactorSample>> samplesOf)
    {
        var (raw, calibrated) = (new List<double>(), new List<double>());
        for (var fold = 0; fold < Folds; fold++)
        {
            var held = samplesOf(rows.Where(r => FoldOf(r.DocumentId) == fold)).Where(s => s.Minutes.Values.Sum() > 0).ToList();
            if (held.Count == 0)
            {
                continue;
            }

            var factors = OperationFactorFit.Fit(samplesOf(rows.Where(r => FoldOf(r.DocumentId) != fold)));
            raw.AddRange(held.Select(s => Math.Abs(s.Minutes.Values.Sum() - s.Actual) / s.Actual * 100));
            calibrated.AddRange(held.Select(s => Math.Abs(OperationFactorFit.Predict(s.Minutes, factors) - s.Actual) / s.Actual * 100));
        }

        return raw.Count == 0 ? null : (raw.Average(), calibrated.Average());
    }
}
