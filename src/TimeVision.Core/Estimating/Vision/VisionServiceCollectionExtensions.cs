using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.Vision;
using TimeVision.Core.Estimating.Vision.Prompts;
using TimeVision.Core.Estimating.Vision.Spend;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the vision estimate: the model's access, prompts, chat clients, estimator, feature reader and spend budget.</summary>
public static class VisionServiceCollectionExtensions
{
    /// <summary>
    /// Adds the OpenAI vision estimator with its access (API key or Entra ID), prompts, chat clients and spend budget
    /// (the prices and the daily totals), with <see cref="VisionOptions"/> validated at start (and the features they use).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddTimeVisionVision(this IServiceCollection services) => services.AddFeature(nameof(AddTimeVisionVision), static services =>
    {
        services.AddTimeVisionStorage().AddTimeVisionRendering().AddTimeVisionFacts().AddTimeVisionModels();
        services.AddValidatedOptions<VisionOptions, VisionOptionsValidator>(VisionOptions.SectionName);

        // OPENAI_API_KEY and OPENAI_BASE_URL; an unresolved Key Vault reference is no key. One instance: it warns once.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<VisionOptions>, VisionOptionsFromEnvironment>());

        services.TryAddTokenCredential();
        services.TryAddSingleton<VisionAccess>();
        services.TryAddSingleton<ModelAccess>();
        services.TryAddSingleton<PromptCatalog>();
        services.TryAddSingleton<ChatClients>();
        services.AddValidatedOptions<ModelPriceOptions, ModelPriceOptionsValidator>(ModelPriceOptions.SectionName);
        services.TryAddStore<IDailyTotals>(data => new LocalDailyTotals(data), cosmos => new CosmosDailyTotals(cosmos.Estimates));
        services.TryAddSingleton<VisionBudget>();
        services.TryAddSingleton<OpenAIVisionEstimator>();
        services.TryAddSingleton<IVisionEstimator>(provider => provider.GetRequiredService<OpenAIVisionEstimator>());
        services.TryAddSingleton<OpenAIFeatureReader>();
    });
}
