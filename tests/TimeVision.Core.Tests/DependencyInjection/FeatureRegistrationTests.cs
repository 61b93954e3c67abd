using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Listing;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Estimating.Pricing;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Estimating.Rendering;
using TimeVision.Core.Estimating.ShopCuttingData;
using TimeVision.Core.Estimating.Vision;
using TimeVision.Core.Estimating.Vision.Registry;
using TimeVision.Core.Estimating.Vision.Spend;
using TimeVision.Core.Learning.Calibration;
using TimeVision.Core.Learning.CalibrationTraining;
using TimeVision.Core.Learning.Evaluation;
using TimeVision.Core.Learning.Feedback;
using TimeVision.Core.Learning.FineTuning;
using TimeVision.Core.Learning.History;
using TimeVision.Core.Learning.Training;
using TimeVision.Core.ModelOps.ModelCheck;
using TimeVision.Core.ModelOps.ModelManagement;
using TimeVision.Core.ModelOps.Retirement;
using TimeVision.Core.Storage;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.DependencyInjection;

/// <summary>Each feature wires itself, can be added alone, and adding it again adds nothing.</summary>
public sealed class FeatureRegistrationTests : IDisposable
{
    private static readonly Dictionary<string, (Action<IServiceCollection> Add, Type[] Services)> Features = new()
    {
        ["Rendering"] = (s => s.AddTimeVisionRendering(), [typeof(IPdfInspector), typeof(IPageRenderer)]),
        ["Facts"] = (s => s.AddTimeVisionFacts(), [typeof(DrawingFactsReader)]),
        ["Storage"] = (s => s.AddTimeVisionStorage(), [typeof(IBlobStore)]),
        ["Estimates"] = (s => s.AddTimeVisionEstimates(), [typeof(IEstimateStore), typeof(IEstimateListing), typeof(EstimateDeletion)]),
        ["Vision"] = (s => s.AddTimeVisionVision(), [typeof(IVisionEstimator), typeof(VisionAccess), typeof(IDailyTotals), typeof(VisionBudget)]),
        ["Models"] = (s => s.AddTimeVisionModels(), [typeof(IModelRegistry), typeof(ActiveModel)]),
        ["Pipeline"] = (s => s.AddTimeVisionPipeline(), [typeof(DocumentPipeline), typeof(DocumentIntake)]),
        ["Pricing"] = (s => s.AddTimeVisionPricing(), [typeof(ShopRatesService), typeof(IWorkCentreSource), typeof(EstimateQuotes), typeof(IRatesStore), typeof(IFrozenQuoteStore)]),
        ["CuttingData"] = (s => s.AddTimeVisionCuttingData(), [typeof(ShopCuttingDataService), typeof(ICuttingDataSource), typeof(ICuttingDataStore)]),
        ["History"] = (s => s.AddTimeVisionHistory(), [typeof(IHistoryStore)]),
        ["Evaluation"] = (s => s.AddTimeVisionEvaluation(), [typeof(EvaluationSetBuilder), typeof(EvaluationRunner)]),
        ["Calibration"] = (s => s.AddTimeVisionCalibration(), [typeof(CalibrationStore), typeof(CalibratedEstimates), typeof(IDocumentCalibration), typeof(IEstimateMethodScores), typeof(IPlanCalibration)]),
        ["Recalibration"] = (s => s.AddTimeVisionRecalibration(), [typeof(CalibrationTrainer), typeof(Recalibration)]),
        ["Feedback"] = (s => s.AddTimeVisionFeedback(), [typeof(FeedbackService)]),
        ["Training"] = (s => s.AddTimeVisionTraining(), [typeof(TrainingExporter)]),
        ["FineTuning"] = (s => s.AddTimeVisionFineTuning(), [typeof(FineTuneService), typeof(FineTuneStarts), typeof(FineTuneStartSteps), typeof(IFineTuneJobStore)]),
        ["ModelCheck"] = (s => s.AddTimeVisionModelCheck(), [typeof(ModelCheckService)]),
        ["Retirement"] = (s => s.AddTimeVisionRetirement(), [typeof(ModelRetirement), typeof(RetirementWatch)]),
        ["ModelManagement"] = (s => s.AddTimeVisionModelManagement(), [typeof(ModelInfoService)]),
    };

    private readonly TempFolder _folder = new();

    public static TheoryData<string> FeatureNames => [.. Features.Keys];

    public void Dispose() => _folder.Dispose();

    [Theory]
    [MemberData(nameof(FeatureNames))]
    public void A_feature_added_alone_validates_its_options_and_resolves_its_services(string feature)
    {
        var (add, types) = Features[feature];
        using var provider = CoreServices.Create(add, ("Storage:DataDirectory", _folder.Path));

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.All(types, type => Assert.NotNull(provider.GetRequiredService(type)));
    }

    [Fact]
    public void The_core_is_every_feature_and_adding_it_or_a_feature_again_adds_nothing()
    {
        var core = new ServiceCollection().AddTimeVisionCore();
        var count = core.Count;

        core.AddTimeVisionCore();
        foreach (var (add, _) in Features.Values)
        {
            add(core);
        }

        Assert.Equal(count, core.Count);
        var types = core.Select(d => d.ServiceType).ToHashSet();
        Assert.All(Features.Values.SelectMany(f => f.Services), type => Assert.Contains(type, types));
    }

    [Fact]
    public void Each_service_and_each_options_binding_is_registered_once()
    {
        var core = new ServiceCollection().AddTimeVisionCore();

        var repeated = core
            .Where(d => !d.ServiceType.IsGenericType || d.ServiceType.GetGenericTypeDefinition() == typeof(IOptionsChangeTokenSource<>))
            .GroupBy(d => (d.ServiceType, d.ImplementationType)) // several implementations of one interface (IPageEstimator) are one each
            .Where(g => g.Count() > 1 && g.Key.ServiceType.Name != "AddedFeature")
            .Select(g => g.Key.ServiceType.Name);

        Assert.Empty(repeated);
    }

    [Fact]
    public void The_pipeline_alone_estimates_without_the_learning_loop_and_the_core_plugs_it_in()
    {
        using var pipeline = CoreServices.Create(s => s.AddTimeVisionPipeline(), ("Storage:DataDirectory", _folder.Path));
        using var core = CoreServices.Create(s => s.AddTimeVisionCore(), ("Storage:DataDirectory", _folder.Path));

        Assert.IsType<NoDocumentCalibration>(pipeline.GetRequiredService<IDocumentCalibration>());
        Assert.IsType<NoEstimateMethodScores>(pipeline.GetRequiredService<IEstimateMethodScores>());
        Assert.IsType<NoPlanCalibration>(pipeline.GetRequiredService<IPlanCalibration>());
        Assert.IsType<NoHistoryExamples>(pipeline.GetRequiredService<IHistoryExampleSource>());
        Assert.DoesNotContain(pipeline.GetServices<IPageEstimator>(), e => e.Answers == ModelKind.History);
        Assert.IsType<CalibratedEstimates>(core.GetRequiredService<IDocumentCalibration>());
        Assert.IsType<CalibrationMethodScores>(core.GetRequiredService<IEstimateMethodScores>());
        Assert.IsType<CalibratedPlans>(core.GetRequiredService<IPlanCalibration>());
        Assert.IsType<HistoryExamples>(core.GetRequiredService<IHistoryExampleSource>());
        Assert.Contains(core.GetServices<IPageEstimator>(), e => e is HistoryPageEstimator);
    }
}
