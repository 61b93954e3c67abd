using TimeVision.Core.ModelRegistry;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers which model estimates are made with, and what is known about it.</summary>
public static class ModelRegistryServiceCollectionExtensions
{
    /// <summary>
    /// Adds the active model (configuration, else the registry, else the default) and the model information and
    /// activation service (and the features they use: the registry's storage, the vision model's options and check).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddTimeVisionModels(this IServiceCollection services) => services.AddFeature(nameof(AddTimeVisionModels), static services =>
    {
        services.AddTimeVisionStorage().AddTimeVisionVision();
        services.TryAddSingleton<ActiveModel>();
        services.TryAddSingleton<ModelInfoService>();
    });
}
