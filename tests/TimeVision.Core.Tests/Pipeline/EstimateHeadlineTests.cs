using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Estimating.Rendering;
using TimeVision.Core.Learning.Calibration;
using TimeVision.Core.Storage;
using TimeVision.Core.Tests.Storage;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Pipeline;

/// <summary>
/// Every saved estimate stores which number heads it, chosen under <c>Estimate:Method</c> from its plan, its features and
/// (for <c>best</c>) the stored calibrations' figures; an estimator's correction chooses again.
/// </summary>
public sealed class EstimateHeadlineTests : IDisposable
{
    private const string Model = "gpt-4o-2024-08-06";
    private static readonly TextBox Box = new(100, 200, 60, 9);
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 3, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();
    private readonly List<ServiceProvider> _providers = [];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _providers.ForEach(p => p.Dispose());
        _folder.Dispose();
    }

    [Fact]
    public async Task Unset_a_thread_read_at_high_confidence_makes_the_engine_the_stored_headline_and_model_turns_it_back()
    {
        var byDefault = await RunAsync(Services(), FactConfidence.High);
        var model = await RunAsync(Services(("Estimate:Method", "Model")), FactConfidence.High);

        Assert.Equal((HeadlineMethod.Engine, (EstimateMethod?)EstimateMethod.Default), (byDefault.Headline!.Method, byDefault.Headline.Requested));
        Assert.Equal((Math.Round(byDefault.Plan!.Routing!.CycleMin, 2), (double?)Math.Round(byDefault.Plan.Routing.SetupMin, 2)), (byDefault.Headline.Minutes, byDefault.Headline.SetupMin));
        Assert.Equal(new HeadlineNumber(HeadlineMethod.Model, byDefault.TotalEstimatedMinutes!.Value), byDefault.Headline.Other);
        Assert.Equal((HeadlineMethod.Model, byDefault.TotalEstimatedMinutes.Value, "Estimate:Method is model."), (model.Headline!.Method, model.Headline.Minutes, model.Headline.Why));
        Assert.Equal(HeadlineMethod.Engine, model.Headline.Other!.Method);
    }

    [Fact]
    public async Task Best_takes_the_lower_of_the_stored_calibrations_figures_and_without_them_says_it_used_the_default_rule()
    {
        var services = Services(("Estimate:Method", "best"));

        var before = await RunAsync(services, FactConfidence.Medium);
        await SaveCalibrationAsync(services, CalibrationMethodScores.EngineCandidate, rawMape: 24);
        await SaveCalibrationAsync(services, Model, rawMape: 61);
        var after = await RunAsync(services, FactConfidence.Medium);

        Assert.Equal(HeadlineMethod.Model, before.Headline!.Method);
        Assert.Contains("no figure of the engine and the model gpt-4o-2024-08-06 is stored", before.Headline.Why, StringComparison.Ordinal);
        Assert.Equal((HeadlineMethod.Engine, (EstimateMethod?)EstimateMethod.Best), (after.Headline!.Method, after.Headline.Requested));
        Assert.Contains("the engine's MAPE is 24.0 % (30 documents, calibration engine v-engine), the model's 61.0 %", after.Headline.Why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_estimators_correction_chooses_the_headline_again()
    {
        var services = Services();
        var stored = await RunAsync(services, FactConfidence.Medium);
        var corrected = new FeatureSet { Features = [new MachiningFeature { Type = FeatureType.Drilling, Count = 2, DiameterMm = 10, DepthMm = 20 }] };

        var result = await services.Get<EstimatePlans>().CorrectAsync(stored.Id, corrected, "jana", stored.ETag!, Token);
        var read = (await services.Get<IEstimateStore>().GetAsync(stored.Id, Token))!;
        var found = await services.Get<EstimatePlans>().FindAsync(stored.Id, Token);

        Assert.Equal(HeadlineMethod.Model, stored.Headline!.Method);
        Assert.Equal(FeatureCorrectionOutcome.Saved, result.Outcome);
        Assert.Equal(HeadlineMethod.Engine, result.Document!.Headline!.Method);
        Assert.Contains("entered by the estimator", read.Headline!.Why, StringComparison.Ordinal);
        Assert.Equal(Math.Round(read.Plan!.Routing!.CycleMin, 2), read.Headline.Minutes);
        Assert.Equal((read.Headline.Method, read.Headline.Minutes, read.Headline.Why), (found.Plan!.Headline!.Method, found.Plan.Headline.Minutes, found.Plan.Headline.Why));
    }

    private ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var provider = CoreServices.Create(
            s => s.AddTimeVisionCore().AddSingleton<TimeProvider>(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now)),
            [("Storage:DataDirectory", _folder.Path), .. settings]);
        _providers.Add(provider);
        return provider;
    }

    private static Task SaveCalibrationAsync(ServiceProvider services, string model, double rawMape) =>
        services.Get<CalibrationStore>().SaveAsync(
            new CalibrationArtefact
            {
                Model = model, Version = $"v-{model}", CreatedAt = Now, TrainingSetHash = "hash", ValidationPercent = 10, Documents = 30,
                Learner = "part_type_factors", Metrics = new CalibrationMetrics(rawMape, rawMape - 5, null),
                IntervalLowLog = -0.2, IntervalHighLog = 0.2, OverallFactor = 1, Factors = new Dictionary<Estimating.Estimates.PartType, double>(),
            },
            Token);

    /// <summary>Saves the sample answer for a one-page drawing whose text layer reads 4x M8 at <paramref name="confidence"/>, and reads the stored estimate.</summary>
    private static async Task<DocumentEstimate> RunAsync(ServiceProvider services, FactConfidence confidence)
    {
        var id = new string('d', 64);
        var store = services.Get<IEstimateStore>();
        var result = EstimateStoreContract.SampleDocument().Pages[0].Result!;
        await store.SavePageResultAsync(id, 1, result, Token);
        var facts = await services.Get<StoredPageFacts>().StoreAsync(id, 1, FourTappedHoles(confidence), Token);
        var request = new EstimateDocumentRequest(id, BlobReference.Drawing(id), "shaft.pdf", DocumentSource.Cli, ModelId.Parse(result.Model), 4, 1, TimeSpan.FromSeconds(1), Force: true);
        var page = new PageOutcome(new RenderedPageReference(1, BlobReference.Page(id, 1), null, facts), PageResultReference.Of(1, result));
        await services.Get<DocumentPipeline>().SaveAsync(new SaveDocumentRequest(request, new InspectionOutcome([new PdfPageInfo(1, 842, 595, 0)], null), [page], Now), Token);
        return (await store.GetAsync(id, Token))!;
    }

    private static PageFacts FourTappedHoles(FactConfidence confidence)
    {
        var line = new FactSource(1, "4x M8", Box);
        return new PageFacts
        {
            Page = 1,
            WordCount = 20,
            Features = new FeatureFacts
            {
                Threads = [new DrawingFact("M8", confidence, line) { Number = 8 }],
                Counts = [new DrawingFact("4x M8", confidence, line) { Number = 4 }],
            },
        };
    }
}
