using TimeVision.Core.ModelOps.ModelManagement;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers what the admin sees of the models and how one is made active.</summary>
public static class ModelManagementServiceCollectionExtensions
{
    /// <summary>
    /// Adds the model information and activation service (and the features it uses: the registry, the model check, the
    /// retirement dates and the fine-tuning jobs).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddTimeVisionModelManagement(this IServiceCollection services) => services.AddFeature(nameof(AddTimeVisionModelManagement), static services =>
    {
        services.AddTimeVisionModels().AddTimeVisionModelCheck().AddTimeVisionRetirement().AddTimeVisionFineTuning();
        services.TryAddSingleton<ModelInfoService>();
    });
}
