using Microsoft.Extensions.Configuration;
using TimeVision.Core.ModelCheck;
using TimeVision.Core.Retirement;
using TimeVision.Core.Vision.Prompts;
using TimeVision.Core.Vision;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the vision estimate: the model's access, prompts, chat clients, estimator, model check and retirement dates.</summary>
public static class VisionServiceCollectionExtensions
{
    /// <summary>
    /// Adds the OpenAI vision estimator with its access (API key or Entra ID), prompts and chat clients, the model check
    /// and the retirement lookup, with <see cref="VisionOptions"/> validated at start (and the features they use).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddTimeVisionVision(this IServiceCollection services) => services.AddFeature(nameof(AddTimeVisionVision), static services =>
    {
        services.AddTimeVisionRendering().AddTimeVisionFacts().AddTimeVisionModels().AddTimeVisionEvaluation();
        services.AddValidatedOptions<VisionOptions, VisionOptionsValidator>(VisionOptions.SectionName)
            .PostConfigure<IConfiguration>((options, configuration) =>
            {
                // The OpenAI SDK's own environment variables, for anyone who already has them set.
                options.ApiKey = string.IsNullOrWhiteSpace(options.ApiKey) ? configuration["OPENAI_API_KEY"] : options.ApiKey;
                if (options.Endpoint is null && Uri.TryCreate(configuration["OPENAI_BASE_URL"], UriKind.Absolute, out var endpoint))
                {
                    options.Endpoint = endpoint;
                }
            });

        services.TryAddTokenCredential();
        services.TryAddSingleton<VisionAccess>();
        services.TryAddSingleton<PromptCatalog>();
        services.TryAddSingleton<ChatClients>();
        services.TryAddSingleton<OpenAIVisionEstimator>();
        services.TryAddSingleton<IVisionEstimator>(provider => provider.GetRequiredService<OpenAIVisionEstimator>());
        services.TryAddSingleton<ModelRetirement>();
        services.TryAddSingleton<RetirementWatch>();
        services.AddValidatedOptions<ModelCheckOptions>(ModelCheckOptions.SectionName);
        services.TryAddSingleton<ModelCheckService>();
    });
}
