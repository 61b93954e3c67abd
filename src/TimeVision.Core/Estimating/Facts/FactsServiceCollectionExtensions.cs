using TimeVision.Core.Estimating.Facts;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the facts read from a PDF's text layer.</summary>
public static class FactsServiceCollectionExtensions
{
    /// <summary>Adds the text-layer reader and the drawing facts reader (and rendering, whose Poppler tools they use).</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddTimeVisionFacts(this IServiceCollection services) => services.AddFeature(nameof(AddTimeVisionFacts), static services =>
    {
        services.AddTimeVisionRendering();
        services.TryAddSingleton<PopplerTextReader>();
        services.TryAddSingleton<DrawingFactsReader>();
    });
}
