using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Estimating.Vision;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the document pipeline's steps and intake.</summary>
public static class PipelineServiceCollectionExtensions
{
    /// <summary>
    /// Adds the pipeline steps and the intake that starts or finds a document's run, with <see cref="PipelineOptions"/>,
    /// <see cref="ShadowOptions"/>, <see cref="RetryOptions"/> and <see cref="EstimateOptions"/> validated at start (and
    /// the features the steps use). What the learning loop adds to an estimate is plugged in by its own features: the
    /// <c>history</c> estimator and the prompt's similar parts (<c>AddTimeVisionHistory</c>), and the calibrated times,
    /// the plans' factors per operation and the stored figures <c>Estimate:Method = best</c> compares
    /// (<c>AddTimeVisionCalibration</c>); without them a document has none of these.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddTimeVisionPipeline(this IServiceCollection services) => services.AddFeature(nameof(AddTimeVisionPipeline), static services =>
    {
        services.AddTimeVisionRendering().AddTimeVisionFacts().AddTimeVisionEstimates().AddTimeVisionVision().AddTimeVisionModels().AddTimeVisionRecovery().AddTimeVisionPricing().AddTimeVisionCuttingData();
        services.AddValidatedOptions<PipelineOptions>(PipelineOptions.SectionName);
        services.AddValidatedOptions<ShadowOptions>(ShadowOptions.SectionName);
        services.AddValidatedOptions<RetryOptions>(RetryOptions.SectionName);
        services.AddValidatedOptions<EstimateOptions>(EstimateOptions.SectionName);
        services.TryAddSingleton<IDocumentCalibration, NoDocumentCalibration>();
        services.TryAddSingleton<IPlanCalibration, NoPlanCalibration>();
        services.TryAddSingleton<IHistoryExampleSource, NoHistoryExamples>();
        services.TryAddSingleton<IEstimateMethodScores, NoEstimateMethodScores>();
        services.TryAddSingleton<PdfCache>();
        services.TryAddSingleton<StoredPageFacts>();
        services.TryAddSingleton<InspectStep>();
        services.TryAddSingleton<RenderPageStep>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPageEstimator, VisionPageEstimator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPageEstimator, OfflinePageEstimator>());
        services.TryAddSingleton<PageEstimators>();
        services.TryAddSingleton<EstimatePageStep>();
        services.TryAddSingleton<EstimateHeadlines>();
        services.TryAddSingleton<EstimatePlans>();
        services.TryAddSingleton<EstimateReplans>();
        services.TryAddSingleton<DocumentAssembler>();
        services.TryAddSingleton<DocumentPipeline>();
        services.TryAddSingleton<UploadSpooler>();
        services.TryAddSingleton<StoredDrawings>();
        services.TryAddSingleton<IntakePolicy>();
        services.TryAddSingleton<DocumentRunStarter>();
        services.TryAddSingleton<DocumentIntake>();
        services.TryAddSingleton<RetrySweep>();
    });
}
