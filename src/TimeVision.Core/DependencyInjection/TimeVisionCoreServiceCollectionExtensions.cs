using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TimeVision.Core.Rendering;
using TimeVision.Core.Rendering.Poppler;
using TimeVision.Core.Vision;
using TimeVision.Core.Vision.Prompts;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers TimeVision's Core services; both hosts (CLI and Functions) call this one method.</summary>
public static class TimeVisionCoreServiceCollectionExtensions
{
    /// <summary>Adds rendering and the vision estimator with their options, bound from configuration and validated at start.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddTimeVisionCore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions<RenderingOptions>()
            .BindConfiguration(RenderingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RenderingOptions>, RenderingOptionsValidator>());

        services.AddOptions<VisionOptions>()
            .BindConfiguration(VisionOptions.SectionName)
            .PostConfigure<IConfiguration>((options, configuration) =>
            {
                // The OpenAI SDK's own environment variables, for anyone who already has them set.
                options.ApiKey = string.IsNullOrWhiteSpace(options.ApiKey) ? configuration["OPENAI_API_KEY"] : options.ApiKey;
                if (options.Endpoint is null && Uri.TryCreate(configuration["OPENAI_BASE_URL"], UriKind.Absolute, out var endpoint))
                {
                    options.Endpoint = endpoint;
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PopplerTools>();
        services.TryAddSingleton<IPdfInspector, PopplerPdfInspector>();
        services.TryAddSingleton<IPageRenderer, PopplerPageRenderer>();
        services.TryAddSingleton<PromptCatalog>();
        services.TryAddSingleton<ChatClients>();
        services.TryAddSingleton<IVisionEstimator, OpenAIVisionEstimator>();
        return services;
    }
}
