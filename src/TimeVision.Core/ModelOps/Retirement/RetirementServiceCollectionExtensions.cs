using TimeVision.Core.ModelOps.Retirement;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers when models retire and the watch that warns before they do.</summary>
public static class RetirementServiceCollectionExtensions
{
    /// <summary>Adds the retirement dates and their watch (and the registry and vision options they read).</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddTimeVisionRetirement(this IServiceCollection services) => services.AddFeature(nameof(AddTimeVisionRetirement), static services =>
    {
        services.AddTimeVisionVision().AddTimeVisionModels();
        services.TryAddSingleton<ModelRetirement>();
        services.TryAddSingleton<RetirementWatch>();
    });
}
