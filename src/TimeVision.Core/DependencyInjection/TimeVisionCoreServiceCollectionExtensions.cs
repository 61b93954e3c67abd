using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TimeVision.Core.Rendering;
using TimeVision.Core.Rendering.Poppler;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers TimeVision's Core services; both hosts (CLI and Functions) call this one method.</summary>
public static class TimeVisionCoreServiceCollectionExtensions
{
    /// <summary>Adds rendering and its options, bound from configuration and validated at start.</summary>
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

        services.TryAddSingleton<PopplerTools>();
        services.TryAddSingleton<IPdfInspector, PopplerPdfInspector>();
        services.TryAddSingleton<IPageRenderer, PopplerPageRenderer>();
        return services;
    }
}
