using TimeVision.Core.History;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the shop's history: the index of labelled parts, similar parts and the <c>history</c> estimator.</summary>
public static class HistoryServiceCollectionExtensions
{
    /// <summary>Adds the history index (and the storage it lives in), the similar-parts finder and the history estimator, with <see cref="HistoryOptions"/> validated at start.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddTimeVisionHistory(this IServiceCollection services) => services.AddFeature(nameof(AddTimeVisionHistory), static services =>
    {
        services.AddTimeVisionStorage();
        services.AddValidatedOptions<HistoryOptions>(HistoryOptions.SectionName);
        services.TryAddSingleton<HistoryIndex>();
        services.TryAddSingleton<SimilarPartsFinder>();
        services.TryAddSingleton<HistoryEstimator>();
        services.TryAddSingleton<HistoryExamples>();
    });
}
