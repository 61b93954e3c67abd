using TimeVision.Core.ModelOps.ModelCheck;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the check a model must pass before it is made active.</summary>
public static class ModelCheckServiceCollectionExtensions
{
    /// <summary>Adds the model check with <see cref="ModelCheckOptions"/> validated at start (and the vision model, evaluation and retirement dates it uses).</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddTimeVisionModelCheck(this IServiceCollection services) => services.AddFeature(nameof(AddTimeVisionModelCheck), static services =>
    {
        services.AddTimeVisionVision().AddTimeVisionEvaluation().AddTimeVisionRetirement();
        services.AddValidatedOptions<ModelCheckOptions>(ModelCheckOptions.SectionName);
        services.TryAddSingleton<ModelCheckService>();
    });
}
