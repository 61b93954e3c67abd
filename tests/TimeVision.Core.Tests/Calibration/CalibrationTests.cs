using System.Text.RegularExpressions;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Learning.Calibration;
using TimeVision.Core.Learning.CalibrationTraining;
using TimeVision.Core.Learning.Evaluation;
using TimeVision.Core.Storage;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing.FakeOpenAI;
using TimeVision.Testing.History;

namespace TimeVision.Core.Tests.Calibration;

/// <summary>
/// A model that is off by a constant factor of 2 (the fake server answers twice each part's real time, a known function
/// of its facts), calibrated on the training side of 100 generated labelled parts and scored on the validation side.
/// </summary>
public sealed partial class CalibrationTests : FakeOpenAITestBase
{
    private const string Doubling = "doubling-model";
    private const int Parts = 100;
    private const int ValidationPercent = 20;
    private static readonly HashSet<FeedbackSource> Actual = [FeedbackSource.Actual];
    private readonly Dictionary<string, double> _trueByDrawing = new(StringComparer.Ordinal);
    private Microsoft.Extensions.DependencyInjection.ServiceProvider _services = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Server.Fallback = request =>
        {
            var drawing = DrawingNumber().Match(request.UserText).Value;
            var total = Math.Round(_trueByDrawing[drawing] * 2, 2);
            return new FakeReply.Content(SampleEstimates.Shaft(total, [total]).ToJsonString());
        };
        _services = CoreServices.Create([("Storage:DataDirectory", Path.Combine(Folder.Path, "data")), .. ServerSettings]);
        var image = await RenderedPages.OdriMotorShaftAsStoredAsync();
        var random = new Random(9);
        for (var i = 0; i < Parts; i++)
        {
            var part = GeneratedHistory.Draw(random, i);
            _trueByDrawing[part.DrawingNumber] = part.TrueMinutes;
            await GeneratedHistory.StoreAsync(_services, GeneratedHistory.IdOf($"calibration-{i}"), part, Token, pageImage: image);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact(Timeout = 480_000)]
    public async Task A_model_off_by_a_factor_of_two_scores_at_most_a_third_of_its_raw_MAPE_once_calibrated_on_the_training_side()
    {
        var calibration = await _services.Get<CalibrationTrainer>().TrainAsync(Doubling, Actual, ValidationPercent, budgetUsd: null, Token);
        var trainingCalls = Server.Requests.Count;
        var set = await _services.Get<EvaluationSetBuilder>().FromStoreAsync(EvaluationSplit.Validation, Actual, ValidationPercent, Token);

        var run = await _services.Get<EvaluationRunner>().RunAsync(set, [Doubling, ModelId.CalibratedPrefix + Doubling], concurrency: 1, budgetUsd: null, progress: null, Token);
        var report = EvaluationReport.From(run);

        var raw = Assert.Single(report.Models, m => m.Model == Doubling);
        var calibrated = Assert.Single(report.Models, m => m.Model == "calibrated:" + Doubling);
        Assert.Equal(100, raw.Mape, precision: 0);
        Assert.True(calibrated.Mape <= raw.Mape / 3, $"calibrated MAPE {calibrated.Mape:0.0} %, raw {raw.Mape:0.0} %");
        Assert.Equal(set.Items.Count, calibrated.Estimated);
        Assert.Equal(Parts - set.Items.Count, trainingCalls);
        Assert.Equal(Parts, Server.Requests.Count);
        Assert.Equal(Parts - set.Items.Count, calibration.Documents);
        Assert.InRange(calibration.OverallFactor, 0.49, 0.51);
        Assert.True(calibration.IntervalLowLog <= calibration.IntervalHighLog && Math.Abs(calibration.IntervalLowLog) < 0.05 && Math.Abs(calibration.IntervalHighLog) < 0.05,
            $"a constant factor leaves next to no spread: {calibration.IntervalLowLog}..{calibration.IntervalHighLog}");
        Assert.NotNull(calibration.Metrics.TreesMape);
        var stored = await _services.Get<CalibrationStore>().CurrentAsync(Doubling, Token);
        Assert.Equal((calibration.Version, calibration.TrainingSetHash, calibration.Learner), (stored!.Version, stored.TrainingSetHash, stored.Learner));
        Assert.True(await _services.Get<IBlobStore>().ExistsAsync(new BlobReference(CalibrationStore.Container, $"{CalibrationStore.KeyOf(Doubling)}/{calibration.Version}.json"), Token));
    }

    [GeneratedRegex("GEN-[0-9]{4}")]
    private static partial Regex DrawingNumber();
}
