using TimeVision.Core.Learning.Training;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the training export: labelled estimates as fine-tuning examples.</summary>
public static class TrainingServiceCollectionExtensions
{
    /// <summary>Adds the training exporter (and the storage and prompts it reads).</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddTimeVisionTraining(this IServiceCollection services) => services.AddFeature(nameof(AddTimeVisionTraining), static services =>
    {
        services.AddTimeVisionEstimates().AddTimeVisionVision();
        services.TryAddSingleton<FeatureLabelledDocuments>();
        services.TryAddSingleton<TrainingExporter>();
    });
}
