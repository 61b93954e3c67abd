using TimeVision.Core.Estimating.Vision.Registry;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the model registry and which model estimates are made with.</summary>
public static class ModelRegistryServiceCollectionExtensions
{
    /// <summary>
    /// Adds the model registry (in Cosmos DB or files) and the active model (configuration, else the registry, else the
    /// default), and the features they use: storage and the vision model's options.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddTimeVisionModels(this IServiceCollection services) => services.AddFeature(nameof(AddTimeVisionModels), static services =>
    {
        services.AddTimeVisionStorage().AddTimeVisionVision();
        services.TryAddStore<IModelRegistry>(data => new LocalModelRegistry(data), cosmos => new CosmosModelRegistry(cosmos.Models));
        services.TryAddSingleton<ActiveModel>();
    });
}
