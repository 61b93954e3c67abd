using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Facts;

namespace TimeVision.Core.Learning.Calibration;

/// <summary>
/// Trains and applies calibrations. Both learners correct the model's time by a factor, learned on the log ratio
/// ln(actual / estimate), so a correction never leaves the scale of the model's answer:
/// <list type="bullet">
/// <item><b>Shrunk correction factors per part type</b>: the mean log ratio of each part type, pulled towards the mean
/// over all parts in proportion to how few labels the type has (<see cref="Shrinkage"/> labels' worth of the overall
/// mean). With a handful of labels this is all the data can carry: one number per type, and no type is trusted on two
/// parts.</item>
/// <item><b>Gradient-boosted trees</b> (ML.NET FastTree) on the log ratio from the model's log time, the history's log
/// time, the part's type, complexity, material group, log size and feature counts: they can learn that a model is off
/// more for large stainless parts than for small aluminium ones, but need enough labels (<see cref="MinRowsForTrees"/>)
/// not to learn noise.</item>
/// </list>
/// Which one a model gets is decided by five-fold cross-validation on the training side: the lower MAPE wins; the trees
/// must beat the factors to be chosen. The interval is the 10th to 90th percentile of the chosen learner's
/// cross-validated log residuals around the corrected time.
/// </summary>
public static class Calibrator
{
    /// <summary>The learner name of shrunk factors.</summary>
    public const string FactorsLearner = "part_type_factors";

    /// <summary>The learner name of boosted trees.</summary>
    public const string TreesLearner = "boosted_trees";

    /// <summary>Labels the trees need before they are tried.</summary>
    public const int MinRowsForTrees = 60;

    /// <summary>How many labels' worth of the overall mean a part type's own mean is pulled towards.</summary>
    public const double Shrinkage = 5;

    private const int Folds = 5;
    private const int FeatureCount = 9 + 3;

    /// <summary>Trains on <paramref name="rows"/> (all of them labelled, on the training side).</summary>
    public static CalibrationArtefact Train(string model, IReadOnlyList<CalibrationRow> rows, string trainingSetHash, int validationPercent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count < 2)
        {
            throw new InvalidOperationException("A calibration needs at least two labelled documents the model estimated.");
        }

        var fold = rows.Select(r => (int)(Convert.ToUInt32(r.DocumentId[..8], 16) % Folds)).ToList();
        var factorsCv = new double[rows.Count];
        var treesCv = rows.Count >= MinRowsForTrees ? new double[rows.Count] : null;
        for (var f = 0; f < Folds; f++)
        {
            var train = rows.Where((_, i) => fold[i] != f).ToList();
            if (train.Count == 0)
            {
                continue;
            }

            var (overall, factors) = FitFactors(train);
            (MLContext Context, ITransformer Model)? trees = treesCv is null ? null : FitTrees(train);
            for (var i = 0; i < rows.Count; i++)
            {
                if (fold[i] == f)
                {
                    factorsCv[i] = ApplyFactors(overall, factors, rows[i]);
                    if (trees is not null)
                    {
                        treesCv![i] = ApplyTrees(trees.Value, rows[i]);
                    }
                }
            }
        }

        var factorsMape = Mape(rows, factorsCv);
        var treesMape = treesCv is null ? (double?)null : Mape(rows, treesCv);
        var useTrees = treesMape < factorsMape;
        var chosen = useTrees ? treesCv! : factorsCv;
        var residuals = rows.Select((r, i) => Math.Log(r.ActualMinutes / chosen[i])).Order().ToList();
        var (finalOverall, finalFactors) = FitFactors(rows);
        return new CalibrationArtefact
        {
            Model = model,
            Version = string.Create(CultureInfo.InvariantCulture, $"{now:yyyyMMdd'T'HHmmss'Z'}-{trainingSetHash[..8]}"),
            CreatedAt = now,
            TrainingSetHash = trainingSetHash,
            ValidationPercent = validationPercent,
            Documents = rows.Count,
            Learner = useTrees ? TreesLearner : FactorsLearner,
            Metrics = new CalibrationMetrics(Mape(rows, [.. rows.Select(r => r.RawMinutes)]), factorsMape, treesMape),
            IntervalLowLog = Quantile(residuals, 0.1),
            IntervalHighLog = Quantile(residuals, 0.9),
            OverallFactor = Math.Exp(finalOverall),
            Factors = finalFactors.ToDictionary(p => p.Key, p => Math.Exp(p.Value)),
            Trees = useTrees ? SaveTrees(FitTrees(rows)) : null,
        };
    }

    /// <summary>The calibrated time of <paramref name="row"/> and its interval.</summary>
    public static (double Minutes, EstimateInterval Interval) Apply(CalibrationArtefact calibration, CalibrationRow row)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(row);
        var minutes = calibration.Trees is { } trees
            ? ApplyTrees(LoadTrees(trees), row)
            : ApplyFactors(Math.Log(calibration.OverallFactor), calibration.Factors.ToDictionary(p => p.Key, p => Math.Log(p.Value)), row);
        return (Math.Round(minutes, 2), new EstimateInterval(Math.Round(minutes * Math.Exp(calibration.IntervalLowLog), 2), Math.Round(minutes * Math.Exp(calibration.IntervalHighLog), 2)));
    }

    private static (double Overall, Dictionary<PartType, double> Factors) FitFactors(IReadOnlyList<CalibrationRow> rows)
    {
        var overall = rows.Average(LogRatio);
        var factors = rows.Where(r => r.Features is not null)
            .GroupBy(r => r.Features!.PartType)
            .ToDictionary(g => g.Key, g => ((g.Sum(LogRatio)) + (Shrinkage * overall)) / (g.Count() + Shrinkage));
        return (overall, factors);
    }

    private static double ApplyFactors(double overall, Dictionary<PartType, double> factors, CalibrationRow row) =>
        row.RawMinutes * Math.Exp(row.Features is { } f && factors.TryGetValue(f.PartType, out var own) ? own : overall);

    private static double LogRatio(CalibrationRow row) => Math.Log(row.ActualMinutes / row.RawMinutes);

    private static (MLContext Context, ITransformer Model) FitTrees(IReadOnlyList<CalibrationRow> rows)
    {
        var context = new MLContext(seed: 1);
        var data = context.Data.LoadFromEnumerable(rows.Select(r => new TreeRow { Features = Vector(r), Label = (float)LogRatio(r) }));
        var trainer = context.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
        {
            NumberOfLeaves = 8,
            NumberOfTrees = 100,
            MinimumExampleCountPerLeaf = 5,
            LearningRate = 0.1,
            NumberOfThreads = 1,
        });
        return (context, trainer.Fit(data));
    }

    private static double ApplyTrees((MLContext Context, ITransformer Model) trees, CalibrationRow row)
    {
        var engine = trees.Context.Model.CreatePredictionEngine<TreeRow, TreePrediction>(trees.Model);
        return row.RawMinutes * Math.Exp(engine.Predict(new TreeRow { Features = Vector(row) }).Score);
    }

    private static string SaveTrees((MLContext Context, ITransformer Model) trees)
    {
        using var zip = new MemoryStream();
        var schema = trees.Context.Data.LoadFromEnumerable(Array.Empty<TreeRow>()).Schema;
        trees.Context.Model.Save(trees.Model, schema, zip);
        return Convert.ToBase64String(zip.ToArray());
    }

    private static (MLContext Context, ITransformer Model) LoadTrees(string base64)
    {
        var context = new MLContext(seed: 1);
        using var zip = new MemoryStream(Convert.FromBase64String(base64));
        return (context, context.Model.Load(zip, out _));
    }

    private static float[] Vector(CalibrationRow row)
    {
        var f = row.Features;
        var group = f?.MaterialGroup is { } g ? MaterialCatalog.Groups.ToList().IndexOf(g) : -1;
        return
        [
            (float)Math.Log(row.RawMinutes),
            (float)Math.Log(row.HistoryMinutes ?? row.RawMinutes),
            f?.PartType == PartType.Rot ? 1 : 0,
            f?.PartType == PartType.Pri ? 1 : 0,
            f?.PartType == PartType.Combined ? 1 : 0,
            f is null ? -1 : (int)f.Complexity,
            group,
            (float)Math.Log(1 + (f?.LargestMm ?? 0)),
            (float)Math.Log(1 + (f?.SecondMm ?? 0)),
            (float)Math.Log(1 + (f?.LargestDiameterMm ?? 0)),
            (f?.Holes ?? 0) + (f?.Threads ?? 0),
            (f?.Fits ?? 0) + (f?.FineRoughness ?? 0),
        ];
    }

    private static double Mape(IReadOnlyList<CalibrationRow> rows, double[] predicted) =>
        rows.Select((r, i) => Math.Abs(predicted[i] - r.ActualMinutes) / r.ActualMinutes * 100).Average();

    private static double Quantile(List<double> sorted, double q) => sorted[(int)Math.Clamp(Math.Floor(q * (sorted.Count - 1)), 0, sorted.Count - 1)];

    private sealed class TreeRow
    {
        [VectorType(FeatureCount)]
        public float[] Features { get; set; } = [];

        public float Label { get; set; }
    }

    private sealed class TreePrediction
    {
        public float Score { get; set; }
    }
}
