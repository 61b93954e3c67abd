using TimeVision.Core.History;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the history import: past drawings with the shop's measured times, as labelled documents.</summary>
public static class HistoryServiceCollectionExtensions
{
    /// <summary>Adds the importer (and the pipeline steps and feedback it builds on), with <see cref="HistoryOptions"/> validated at start.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddTimeVisionHistory(this IServiceCollection services) => services.AddFeature(nameof(AddTimeVisionHistory), static services =>
    {
        services.AddTimeVisionPipeline().AddTimeVisionFeedback();
        services.AddValidatedOptions<HistoryOptions>(HistoryOptions.SectionName);
        services.TryAddSingleton<ImportedDocuments>();
        services.TryAddSingleton<HistoryImporter>();
    });
}
