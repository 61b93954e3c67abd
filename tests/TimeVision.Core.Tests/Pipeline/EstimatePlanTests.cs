using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Estimating.Rendering;
using TimeVision.Core.Learning.Training;
using TimeVision.Core.Storage;
using TimeVision.Core.Tests.Storage;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing;
using TimeVision.Testing.FakeOpenAI;

namespace TimeVision.Core.Tests.Pipeline;

/// <summary>
/// Every saved estimate keeps its features (the text layer's and the model's readings, merged) and the plan made from
/// them with the versions used; an estimator's correction is its own version, wins the merge and outlives a new run;
/// an estimator's acceptance of the plan is recorded with its version and confirms the text layer's features of it.
/// </summary>
public sealed class EstimatePlanTests : IDisposable
{
    private static readonly TextBox Box = new(100, 200, 60, 9);
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 3, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(Now);
    private readonly ServiceProvider _services;

    public EstimatePlanTests() =>
        _services = CoreServices.Create(s => s.AddTimeVisionCore().AddSingleton<TimeProvider>(_time), ("Storage:DataDirectory", _folder.Path));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _services.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_saved_estimate_stores_the_text_layer_and_model_features_and_their_plan_with_versions()
    {
        var id = await RunAsync(withFacts: true);

        var stored = (await _services.Get<IEstimateStore>().GetAsync(id, Token))!;

        var features = stored.Features!;
        Assert.Equal(1, features.Version);
        Assert.Equal([FeatureSourceKind.TextLayer, FeatureSourceKind.Model], features.Readings.Select(r => r.Kind));
        Assert.Equal([(FeatureType.Drilling, 4), (FeatureType.Tapping, 4)], features.Merged.Features.Select(f => (f.Type, f.Count!.Value)));
        Assert.Equal((StockShape.Bar, (double?)4, (double?)33.4), (features.Merged.Stock!.Shape!.Value, features.Merged.Stock.DiameterMm, features.Merged.Stock.LengthMm));
        Assert.Equal(Estimating.ProcessPlanning.PartType.Rotational, features.Merged.PartType);
        Assert.Equal("steel", features.Merged.MaterialGroup);
        var conflict = Assert.Single(features.Conflicts);
        Assert.Equal(("materialGroup", "steel", FeatureSourceKind.TextLayer, "stainless_steel", FeatureSourceKind.Model), (conflict.Field, conflict.Kept, conflict.KeptFrom, conflict.Other, conflict.OtherFrom));
        var plan = stored.Plan!;
        Assert.Equal((1, PlanningData.DefaultCutting.Version, PlanningData.DefaultCentres.Version), (plan.FeaturesVersion, plan.CuttingDataVersion, plan.WorkCentresVersion));
        Assert.Null(plan.NotMade);
        Assert.Equal(
            new ProcessPlanner(PlanningData.DefaultCutting, PlanningData.DefaultCentres).Plan(features.Merged).CycleMin,
            plan.Routing!.CycleMin);
        Assert.Contains(plan.Routing.Operations, o => o.Kind == OperationKind.Drilling);
    }

    [Fact]
    public async Task The_models_features_are_its_reading_with_sheet_and_confidence_and_the_plan_times_them()
    {
        var read = EstimateReader.Read(SampleEstimates.ShaftWithFeatures().ToJsonString(), readsFeatures: true);
        var answer = EstimateStoreContract.SampleDocument().Pages[0].Result! with { Estimate = read.Estimate, Features = read.Features };

        var id = await RunAsync(withFacts: true, answer);
        var stored = (await _services.Get<IEstimateStore>().GetAsync(id, Token))!;

        var model = stored.Features!.Readings.Single(r => r.Kind == FeatureSourceKind.Model);
        Assert.Equal([FeatureType.Facing, FeatureType.FaceMilling, FeatureType.Chamfer, FeatureType.Parting], model.Features.Features.Select(f => f.Type));
        Assert.All(model.Features.Features, f => Assert.Equal((FeatureSourceKind.Model, (int?)1), (f.Source!.Kind, f.Source.Page)));
        Assert.Equal(FactConfidence.Medium, model.Features.Features[1].Source!.Confidence);
        Assert.Equal((StockShape.Bar, (double?)4, "stainless_steel"), (model.Features.Stock!.Shape!.Value, model.Features.Stock.DiameterMm, model.Features.MaterialGroup));
        Assert.Equal(
            [FeatureType.Drilling, FeatureType.Tapping, FeatureType.Facing, FeatureType.FaceMilling, FeatureType.Chamfer, FeatureType.Parting],
            stored.Features.Merged.Features.Select(f => f.Type));
        var lines = stored.Plan!.Routing!.Operations.SelectMany(o => o.Lines.Select(l => (o.Kind, l.FeatureId))).ToList();
        foreach (var feature in stored.Features.Merged.Features.Where(f => f.Source!.Kind == FeatureSourceKind.Model))
        {
            Assert.Contains(lines, line => line.FeatureId == feature.Id);
        }

        Assert.Contains((OperationKind.Turning, stored.Features.Merged.Features.Single(f => f.Type == FeatureType.Facing).Id!), lines);
    }

    [Fact]
    public async Task A_document_without_features_stores_no_plan_and_says_why()
    {
        var id = await RunAsync(withFacts: false);

        var stored = (await _services.Get<IEstimateStore>().GetAsync(id, Token))!;

        Assert.Empty(stored.Features!.Merged.Features);
        Assert.Null(stored.Plan!.Routing);
        Assert.Equal(PlanNotMade.NoFeatures, stored.Plan.NotMade!.Code);
    }

    [Fact]
    public async Task An_estimators_features_are_their_own_version_win_the_merge_and_outlive_a_new_run()
    {
        var id = await RunAsync(withFacts: true);
        var store = _services.Get<IEstimateStore>();
        var etag = (await store.GetAsync(id, Token))!.ETag!;
        var corrected = new FeatureSet
        {
            MaterialGroup = "aluminium",
            Features = [new MachiningFeature { Type = FeatureType.Tapping, Count = 6, Thread = "M8", Source = new FeatureSource(FeatureSourceKind.TextLayer, 1, Box, FactConfidence.High) }],
        };

        var result = await _services.Get<EstimatePlans>().CorrectAsync(id, corrected, "jana", etag, Token);
        await RunAsync(withFacts: true);
        var rerun = (await store.GetAsync(id, Token))!;

        Assert.Equal(FeatureCorrectionOutcome.Saved, result.Outcome);
        Assert.Equal((await store.GetAsync(id, Token))!.ETag, rerun.ETag);
        var features = result.Document!.Features!;
        Assert.Equal((2, 2), (features.Version, result.Document.Plan!.FeaturesVersion));
        var reading = features.Readings[^1];
        Assert.Equal((FeatureSourceKind.Estimator, 2, "jana", (DateTimeOffset?)Now), (reading.Kind, reading.Version, reading.By, reading.At));
        var tapping = features.Merged.Features.Single(f => f.Type == FeatureType.Tapping);
        Assert.Equal((6, FeatureSourceKind.Estimator, (int?)1), (tapping.Count!.Value, tapping.Source!.Kind, tapping.Source.Page));
        Assert.Equal("aluminium", features.Merged.MaterialGroup);
        Assert.Contains(features.Conflicts, c => c is { Field: "count", Kept: "6", KeptFrom: FeatureSourceKind.Estimator, Other: "4" });
        Assert.Equal(3, rerun.Features!.Version);
        Assert.Equal(6, rerun.Features.Merged.Features.Single(f => f.Type == FeatureType.Tapping).Count);
        Assert.Equal((reading.Version, reading.By, reading.At), (rerun.Features.LatestEstimatorReading!.Version, rerun.Features.LatestEstimatorReading.By, rerun.Features.LatestEstimatorReading.At));
    }

    [Fact]
    public async Task A_correction_against_a_stale_token_or_breaking_a_rule_stores_nothing()
    {
        var id = await RunAsync(withFacts: true);
        var store = _services.Get<IEstimateStore>();
        var etag = (await store.GetAsync(id, Token))!.ETag!;
        var plans = _services.Get<EstimatePlans>();
        var valid = new FeatureSet { Features = [new MachiningFeature { Type = FeatureType.Drilling, DiameterMm = 5 }] };

        var stale = await plans.CorrectAsync(id, valid, null, "\"not-the-etag\"", Token);
        var invalid = await plans.CorrectAsync(id, new FeatureSet { Features = [new MachiningFeature { Type = FeatureType.Drilling, DepthMm = -2 }] }, null, etag, Token);
        var unknown = await plans.CorrectAsync(new string('e', 64), valid, null, etag, Token);

        Assert.Equal(FeatureCorrectionOutcome.Stale, stale.Outcome);
        Assert.Equal((FeatureCorrectionOutcome.Invalid, "field $.features[0].depthMm: must be above 0."), (invalid.Outcome, invalid.Message));
        Assert.Equal(FeatureCorrectionOutcome.NotFound, unknown.Outcome);
        Assert.Equal((etag, 1), ((await store.GetAsync(id, Token))!.ETag!, (await store.GetAsync(id, Token))!.Features!.Version));
    }

    [Fact]
    public async Task An_acceptance_confirms_the_text_layers_high_features_of_its_version_and_outlives_new_runs_and_corrections()
    {
        var id = await RunAsync(withFacts: true);
        var store = _services.Get<IEstimateStore>();
        var plans = _services.Get<EstimatePlans>();
        var before = (await store.GetAsync(id, Token))!;

        var accepted = await plans.AcceptAsync(id, "petr", before.ETag!, Token);
        var label = ConfirmedFeatures.Of(accepted.Document!).Label!;
        await RunAsync(withFacts: true);
        var rerun = (await store.GetAsync(id, Token))!;
        var again = await plans.AcceptAsync(id, "petr", rerun.ETag!, Token);
        var corrected = await plans.CorrectAsync(id, new FeatureSet { Features = [new MachiningFeature { Type = FeatureType.Drilling, Count = 2, DiameterMm = 5 }] }, "jana", again.ETag!, Token);

        Assert.Equal(StoredPlanChangeOutcome.Saved, accepted.Outcome);
        Assert.Equal((before.Features!.Version, before.Plan!.Routing!.CycleMin), (accepted.Document!.Features!.Version, accepted.Document.Plan!.Routing!.CycleMin));
        Assert.Equal(new PlanAcceptance(1, "petr", Now), Assert.Single(accepted.Document.Features.Acceptances!));
        Assert.Equal((FeatureLabelSource.TextLayerAccepted, "petr", 1, "C45"), (label.Source, label.ConfirmedBy, label.FeaturesVersion, label.Features.Material));
        Assert.Equal([(FeatureType.Drilling, 4), (FeatureType.Tapping, 4)], label.Features.Features.Select(f => (f.Type, f.Count!.Value)));
        Assert.Equal(2, rerun.Features!.Version);
        Assert.Single(rerun.Features.Acceptances!);
        Assert.Contains("accept the plan again", ConfirmedFeatures.Of(rerun).Reason, StringComparison.Ordinal);
        Assert.Equal(FeatureLabelSource.TextLayerAccepted, ConfirmedFeatures.Of(again.Document!).Label!.Source);
        var byEstimator = ConfirmedFeatures.Of(corrected.Document!).Label!;
        Assert.Equal((FeatureLabelSource.Estimator, "jana", 3), (byEstimator.Source, byEstimator.ConfirmedBy, byEstimator.FeaturesVersion));
        Assert.Equal([5.0], byEstimator.Features.Features.Select(f => f.DiameterMm!.Value));
        Assert.Equal(2, corrected.Document!.Features!.Acceptances!.Count);
    }

    [Fact]
    public async Task An_acceptance_against_a_stale_token_of_an_unknown_id_or_without_a_plan_records_nothing()
    {
        var store = _services.Get<IEstimateStore>();
        var plans = _services.Get<EstimatePlans>();
        var id = await RunAsync(withFacts: false);
        var withoutPlan = (await store.GetAsync(id, Token))!;

        var noPlan = await plans.AcceptAsync(id, "petr", withoutPlan.ETag!, Token);
        await RunAsync(withFacts: true);
        var stale = await plans.AcceptAsync(id, "petr", withoutPlan.ETag!, Token);
        var unknown = await plans.AcceptAsync(new string('e', 64), "petr", "\"x\"", Token);

        Assert.Equal(StoredPlanChangeOutcome.NoPlan, noPlan.Outcome);
        Assert.Equal(StoredPlanChangeOutcome.Stale, stale.Outcome);
        Assert.Equal(StoredPlanChangeOutcome.NotFound, unknown.Outcome);
        Assert.Null((await store.GetAsync(id, Token))!.Features!.Acceptances);
    }

    private async Task<string> RunAsync(bool withFacts, PageEstimateResult? answer = null)
    {
        var id = new string('d', 64);
        var store = _services.Get<IEstimateStore>();
        var result = answer ?? EstimateStoreContract.SampleDocument().Pages[0].Result!;
        await store.SavePageResultAsync(id, 1, result, Token);
        var facts = withFacts ? await _services.Get<StoredPageFacts>().StoreAsync(id, 1, FourTappedHoles(), Token) : null;
        var request = new EstimateDocumentRequest(id, BlobReference.Drawing(id), "shaft.pdf", DocumentSource.Cli, ModelId.Parse(result.Model), 4, 1, TimeSpan.FromSeconds(1), Force: true);
        var page = new PageOutcome(new RenderedPageReference(1, BlobReference.Page(id, 1), null, facts), PageResultReference.Of(1, result));
        await _services.Get<DocumentPipeline>().SaveAsync(
            new SaveDocumentRequest(request, new InspectionOutcome([new PdfPageInfo(1, 842, 595, 0)], null), [page], Now), Token);
        return id;
    }

    private static PageFacts FourTappedHoles()
    {
        var line = new FactSource(1, "4x M8", Box);
        return new PageFacts
        {
            Page = 1,
            WordCount = 20,
            TitleBlock = new TitleBlockFacts { Material = new DrawingFact("C45", FactConfidence.High, new FactSource(1, "C45", Box)), MaterialGroup = "steel" },
            Features = new FeatureFacts
            {
                Threads = [new DrawingFact("M8", FactConfidence.High, line) { Number = 8 }],
                Counts = [new DrawingFact("4x M8", FactConfidence.High, line) { Number = 4 }],
            },
        };
    }
}
