using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Learning.Calibration;
using TimeVision.Core.Learning.CalibrationTraining;
using TimeVision.Core.Learning.Evaluation;
using TimeVision.Core.Tests.Support;

namespace TimeVision.Core.Tests.Calibration;

/// <summary>
/// The engine's calibration per operation kind on generated history with known factors (<see cref="EngineHistory"/>):
/// <c>calibrate</c> recovers them, setup and per piece apart when the times are kept apart; plans show them; and
/// <c>eval</c> scores <c>engine</c> and <c>calibrated:engine</c>.
/// </summary>
public sealed class EngineCalibrationTests(EngineHistory history) : IClassFixture<EngineHistory>
{
    private const int ValidationPercent = 20;
    private static readonly HashSet<FeedbackSource> Actual = [FeedbackSource.Actual];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Whole_times_per_piece_give_back_each_kinds_factor_within_5_percent_and_leave_setup_at_1()
    {
        var calibration = await history.Totals.Get<CalibrationTrainer>().TrainEngineAsync(Actual, ValidationPercent, Token);

        TestContext.Current.TestOutputHelper?.WriteLine(calibration.Metrics.ToString());
        AssertRecovered(EngineHistory.CycleFactors, calibration.Cycle);
        Assert.All(calibration.Setup, f => Assert.Equal((1.0, false), (f.Factor, f.Fitted)));
        Assert.Equal((0, 0), (calibration.SetupDocuments, calibration.RunDocuments));
        Assert.InRange(calibration.Documents, EngineHistory.Parts * 0.6, EngineHistory.Parts * 0.95);
        Assert.True(calibration.Metrics.CalibratedMape < calibration.Metrics.EngineMape / 3, $"{calibration.Metrics}");
        var stored = await history.Totals.Get<CalibrationStore>().CurrentEngineAsync(Token);
        Assert.Equal((calibration.Version, ModelIds.Engine, EngineCalibrator.LearnerVersion), (stored!.Version, stored.Model, stored.LearnerVersion));
    }

    [Fact]
    public async Task With_setup_and_run_kept_apart_setup_and_per_piece_factors_are_each_given_back_within_5_percent()
    {
        var calibration = await history.Split.Get<CalibrationTrainer>().TrainEngineAsync(Actual, ValidationPercent, Token);

        AssertRecovered(EngineHistory.CycleFactors, calibration.Cycle);
        AssertRecovered(EngineHistory.SetupFactors, calibration.Setup);
        Assert.Equal((calibration.Documents, calibration.Documents), (calibration.SetupDocuments, calibration.RunDocuments));
        Assert.True(calibration.Metrics.CalibratedSetupMape < calibration.Metrics.EngineSetupMape / 3, $"{calibration.Metrics}");
    }

    [Fact]
    public async Task A_plan_shows_each_lines_factor_and_its_calibrated_minutes_come_near_the_shops_real_ones()
    {
        var calibration = await history.Split.Get<CalibrationTrainer>().TrainEngineAsync(Actual, ValidationPercent, Token);

        var plan = (await history.Split.Get<EstimatePlans>().PlanFileAsync(history.NewPart.File, null, null, Token)).Value!;

        Assert.Equal($"engine {calibration.Version}", plan.Calibration);
        foreach (var operation in plan.Operations)
        {
            Assert.Equal(Factor(calibration.Setup, FactorKinds.Of(operation.Kind)), operation.SetupFactor);
            Assert.All(operation.Lines, line => Assert.Equal(Factor(calibration.Cycle, FactorKinds.Of(operation, line)), line.Factor));
        }

        Assert.Contains(plan.Operations.SelectMany(o => o.Lines), l => l.Type == FeatureType.Tapping && l.Factor > 1.8);
        var (setup, run) = (history.NewPart.Setup, history.NewPart.Run);
        Assert.InRange(plan.CalibratedCycleMin!.Value / run, 0.95, 1.05);
        Assert.InRange(plan.CalibratedSetupMin!.Value / setup, 0.95, 1.05);
    }

    [Fact]
    public async Task Eval_scores_the_engine_and_the_calibrated_engine_cross_validated_without_a_calibration_stored()
    {
        var sets = history.Totals.Get<EvaluationSetBuilder>();
        var all = await sets.FromStoreAsync(EvaluationSplit.All, Actual, 0, Token);
        var validation = await sets.FromStoreAsync(EvaluationSplit.Validation, Actual, ValidationPercent, Token);
        string[] models = [ModelIds.Engine, ModelId.CalibratedPrefix + ModelIds.Engine];

        var everyDocument = EvaluationReport.From(await history.Totals.Get<EvaluationRunner>().RunAsync(all, models, 2, null, null, Token));
        var validationSide = EvaluationReport.From(await history.Totals.Get<EvaluationRunner>().RunAsync(validation, models, 2, null, null, Token));

        foreach (var (report, set) in new[] { (everyDocument, all), (validationSide, validation) })
        {
            var engine = Assert.Single(report.Models, m => m.Model == "engine");
            var calibrated = Assert.Single(report.Models, m => m.Model == "calibrated:engine");
            Assert.Equal((set.Items.Count, set.Items.Count), (engine.Estimated, calibrated.Estimated));
            Assert.True(calibrated.MedianApe < 2 && calibrated.Mape < engine.Mape / 3, $"engine {engine.Mape:0.0} %, calibrated {calibrated.Mape:0.0} % (median {calibrated.MedianApe:0.0} %)");
            Assert.Equal(0, calibrated.MeanCostUsd);
            Assert.StartsWith("calibrated:engine is better", Assert.Single(report.Pairs).Verdict, StringComparison.Ordinal);
        }
    }

    private static void AssertRecovered(IReadOnlyDictionary<FactorKind, double> truth, IReadOnlyList<KindFactor> learned)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(", ", learned.Select(l => $"{l.Kind} {l.Factor:0.000} ({l.Samples})")));
        foreach (var (kind, factor) in truth)
        {
            var fitted = Assert.Single(learned, f => f.Kind == kind);
            Assert.True(fitted.Fitted, $"{kind}: {fitted.Samples} sample(s)");
            Assert.True(Math.Abs((fitted.Factor / factor) - 1) <= 0.05, $"{kind}: learned {fitted.Factor:0.000}, true {factor}; " + string.Join(", ", learned.Select(l => $"{l.Kind} {l.Factor:0.000} ({l.Samples})")));
        }
    }

    private static double Factor(IReadOnlyList<KindFactor> factors, FactorKind kind) => factors.FirstOrDefault(f => f.Kind == kind)?.Factor ?? 1;
}
