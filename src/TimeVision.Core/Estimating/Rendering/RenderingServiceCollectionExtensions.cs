using TimeVision.Core.Estimating.Rendering;
using TimeVision.Core.Estimating.Rendering.Poppler;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers rendering: inspecting a PDF and rendering its pages with Poppler.</summary>
public static class RenderingServiceCollectionExtensions
{
    /// <summary>Adds the PDF inspector and the page renderer, with <see cref="RenderingOptions"/> validated at start.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddTimeVisionRendering(this IServiceCollection services) => services.AddFeature(nameof(AddTimeVisionRendering), static services =>
    {
        services.AddValidatedOptions<RenderingOptions, RenderingOptionsValidator>(RenderingOptions.SectionName);
        services.TryAddSingleton<PopplerTools>();
        services.TryAddSingleton<IPdfInspector, PopplerPdfInspector>();
        services.TryAddSingleton<IPageRenderer, PopplerPageRenderer>();
    });
}
