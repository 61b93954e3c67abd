using TimeVision.Core.FineTuning;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers fine-tuning: starting jobs with the provider, following them, and registering their models.</summary>
public static class FineTuningServiceCollectionExtensions
{
    /// <summary>Adds the fine-tuning API client and service with <see cref="FineTuneOptions"/> checked at start (and the storage and model access they use).</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddTimeVisionFineTuning(this IServiceCollection services) => services.AddFeature(nameof(AddTimeVisionFineTuning), static services =>
    {
        services.AddTimeVisionStorage().AddTimeVisionVision();
        services.AddValidatedOptions<FineTuneOptions>(FineTuneOptions.SectionName);
        services.TryAddSingleton<OpenAIFineTuning>();
        services.TryAddSingleton<FineTuneService>();
    });
}
