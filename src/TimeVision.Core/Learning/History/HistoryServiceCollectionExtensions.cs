using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Estimating.Vision;
using TimeVision.Core.Learning.History;
using TimeVision.Core.Learning.History.Durable;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the shop's history: the import of past drawings with their measured times, the index of labelled parts, similar parts, the examples a prompt shows and the <c>history</c> estimator.</summary>
public static class HistoryServiceCollectionExtensions
{
    /// <summary>
    /// Adds the importer (and the pipeline steps and feedback it builds on), the durable import's submission and step,
    /// the history container, the history index (and the storage it lives in), the similar-parts finder, the history
    /// estimator as the pipeline's estimator of <c>history</c> and the examples of the prompt's history section, with <see cref="HistoryOptions"/> validated at start.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddTimeVisionHistory(this IServiceCollection services) => services.AddFeature(nameof(AddTimeVisionHistory), static services =>
    {
        services.AddTimeVisionPipeline().AddTimeVisionFeedback();
        services.AddValidatedOptions<HistoryOptions>(HistoryOptions.SectionName);
        services.TryAddSingleton<ImportedDocuments>();
        services.TryAddSingleton<HistoryImporter>();
        services.TryAddTokenCredential();
        services.TryAddSingleton<HistoryDrawingsContainer>();
        services.TryAddSingleton<HistoryImports>();
        services.TryAddSingleton<HistoryImportSteps>();
        services.AddTimeVisionStorage().AddTimeVisionEstimates();
        services.TryAddStore<IHistoryStore>(data => new LocalHistoryStore(data), cosmos => new CosmosHistoryStore(cosmos.Estimates));
        services.TryAddSingleton<HistoryIndex>();
        services.TryAddSingleton<SimilarPartsFinder>();
        services.TryAddSingleton<HistoryEstimator>();
        services.TryAddSingleton<HistoryExamples>();
        services.Replace(ServiceDescriptor.Singleton<IHistoryExampleSource>(provider => provider.GetRequiredService<HistoryExamples>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPageEstimator, HistoryPageEstimator>());
    });
}
