using TimeVision.Core.History;
using TimeVision.Core.History.Durable;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the history import: past drawings with the shop's measured times, as labelled documents.</summary>
public static class HistoryServiceCollectionExtensions
{
    /// <summary>
    /// Adds the importer (and the pipeline steps and feedback it builds on), the durable import's submission and step,
    /// and the history container, with <see cref="HistoryOptions"/> validated at start.
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
    });
}
