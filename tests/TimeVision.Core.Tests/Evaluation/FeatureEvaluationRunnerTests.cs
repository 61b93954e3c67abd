using System.Text.Json.Nodes;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Estimating.ShopCuttingData;
using TimeVision.Core.Learning.Evaluation;
using TimeVision.Core.Learning.Training;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing.Features;
using TimeVision.Testing.FakeOpenAI;

namespace TimeVision.Core.Tests.Evaluation;

/// <summary>
/// <c>eval --task features</c>'s runner on a stored corpus: two corrected documents and one accepted, one model the fake
/// server answers with the same reading for every part (the first correction with its Ø6.75 holes missed and two M8
/// instead of four), and the offline reading. The figures must come out as counted by hand.
/// </summary>
public sealed class FeatureEvaluationRunnerTests : FakeOpenAITestBase
{
    private const string Reader = "gpt-4.1";
    private Microsoft.Extensions.DependencyInjection.ServiceProvider _services = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var reading = JsonNode.Parse(FeatureAnswer.Build(FeatureCorpus.Correction(0)))!;
        var features = reading["features"]!.AsArray();
        features.RemoveAt(3); // the four Ø6.75 holes
        features[2]!["count"] = 2; // M8 read as two
        Server.Fallback = _ => new FakeReply.Content(reading.ToJsonString());
        _services = CoreServices.Create(
        [
            ("Storage:DataDirectory", Path.Combine(Folder.Path, "data")),
            .. ServerSettings,
            ($"Evaluation:Prices:{Reader}:Input", "1000"),
            ($"Evaluation:Prices:{Reader}:Output", "0"),
        ]);
        await FeatureCorpus.BuildAsync(_services, await RenderedPages.OdriMotorShaftAsStoredAsync(), Token, corrected: 2, accepted: 1);
    }

    public override async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Each_reading_is_scored_against_the_confirmed_features_planned_beside_them_and_a_rerun_calls_no_model()
    {
        var set = await SetAsync(EvaluationSplit.All);

        var run = await Runner.RunAsync(set, [Reader, "offline"], concurrency: 2, budgetUsd: null, progress: null, Token);
        var calls = Server.Requests.Count;
        var rerun = await Runner.RunAsync(set, [Reader], concurrency: 2, budgetUsd: null, progress: null, Token);
        var report = FeatureEvaluationReport.From(run);

        Assert.Equal(3, set.Items.Count);
        Assert.Equal(2, set.Skipped.Count); // the plan accepted before a re-run, and the document of two parts
        var model = report.Models[0];
        // Corrected: 5 confirmed, 4 read and paired each (one with the M8 count wrong; the second also its Ø10 count).
        // Accepted: Ø6.75 and M8 confirmed; Ø10, M8 and the chamfer read within the text layer's types; M8 paired.
        Assert.Equal((12, 11, 9), (model.Overall.Confirmed, model.Overall.Read, model.Overall.Matched));
        Assert.Equal((9.0 / 11, 0.75, 4), (model.Overall.Precision, model.Overall.Recall, model.Overall.WrongCounts));
        var drilling = model.ByType.Single(t => t.Type == FeatureType.Drilling);
        Assert.Equal((5, 3, 2), (drilling.Confirmed, drilling.Read, drilling.Matched));
        Assert.Equal(0, model.Overall.MeanSizeError);
        Assert.Equal((3, 0, 0), (model.ReadDocuments, model.Failed, model.NotRun));
        Assert.All(run.Results.Where(r => r.Model == Reader), r => Assert.True(r.ReadCycleMin > 0 && r.ConfirmedCycleMin > 0));
        Assert.All(run.Results.Where(r => r.Model == Reader && r.LabelSource == FeatureLabelSource.Estimator), r => Assert.True(r.CyclePercentError < 0, "missed and miscounted holes make the part quicker"));
        Assert.Equal(3, model.Planned);
        Assert.True(model.MeanCostUsd > 0);
        var offline = report.Models[1];
        Assert.Equal(("offline", 0, 0.0), (offline.Model, offline.Overall.Read, offline.Overall.Recall)); // no stored facts: the text layer read nothing
        Assert.Equal(3, calls);
        Assert.All(Server.Requests, r => Assert.Equal(Reader, r.Model));
        Assert.Equal(calls, Server.Requests.Count);
        Assert.All(rerun.Results, r => Assert.Equal(0, r.NewCalls));
        Assert.Equal(run.Results.Where(r => r.Model == Reader).Select(r => r.CyclePercentError), rerun.Results.Select(r => r.CyclePercentError));
    }

    [Fact]
    public async Task The_budget_stops_readings_before_they_start()
    {
        var set = await SetAsync(EvaluationSplit.All);

        // A reading is expected to cost $1.50 (1,500 input tokens a sheet at $1,000 per million).
        var run = await Runner.RunAsync(set, [Reader], concurrency: 1, budgetUsd: 1, progress: null, Token);

        Assert.True(run.StoppedAtBudget);
        Assert.All(run.Results, r => Assert.Equal(EvaluationStatus.NotRunBudget, r.Status));
        Assert.Empty(Server.Requests);
        Assert.Equal(3, Assert.Single(FeatureEvaluationReport.From(run).Models).NotRun);
    }

    [Fact]
    public async Task The_validation_set_is_the_features_split_s_validation_side_by_drawing()
    {
        var all = await SetAsync(EvaluationSplit.All);
        var validation = await SetAsync(EvaluationSplit.Validation, 50);

        Assert.All(validation.Items, i => Assert.True(TrainingExporter.IsValidation(i.Drawing, 50)));
        Assert.Equal(all.Items.Count(i => TrainingExporter.IsValidation(i.Drawing, 50)), validation.Items.Count);
    }

    [Fact]
    public async Task The_readings_are_planned_with_the_cutting_data_an_admin_stored_as_estimates_are()
    {
        var set = await SetAsync(EvaluationSplit.All);
        var before = await Runner.RunAsync(set, [Reader], concurrency: 1, budgetUsd: null, progress: null, Token);
        var cutting = _services.Get<ShopCuttingDataService>();
        var stored = await cutting.SetAsync(
            """{ "groups": [ { "group": "stainless_steel", "operations": { "drilling": { "vcMPerMin": 5 } } } ] }""",
            (await cutting.CurrentAsync(Token)).ETag, "petr", Token);

        try
        {
            var after = await Runner.RunAsync(set, [Reader], concurrency: 1, budgetUsd: null, progress: null, Token);

            Assert.Equal(CuttingDataSetOutcome.Saved, stored.Outcome);
            Assert.All(
                before.Results.Zip(after.Results),
                pair => Assert.True(pair.Second.ConfirmedCycleMin > pair.First.ConfirmedCycleMin, "slower drilling in stainless steel makes every confirmed part take longer"));
        }
        finally
        {
            await cutting.ResetAsync(stored.Read!.ETag, "petr", Token);
        }
    }

    private FeatureEvaluationRunner Runner => _services.Get<FeatureEvaluationRunner>();

    private Task<FeatureEvaluationSet> SetAsync(EvaluationSplit split, int validationPercent = 0) =>
        FeatureEvaluationSet.FromStoreAsync(_services.Get<FeatureLabelledDocuments>(), split, validationPercent, Token);
}
