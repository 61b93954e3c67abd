using TimeVision.Core.Learning.FineTuning;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers fine-tuning: starting jobs with the provider, following them, and registering their models.</summary>
public static class FineTuningServiceCollectionExtensions
{
    /// <summary>
    /// Adds the fine-tuning API client, the service that starts and follows jobs, and the durable start's intake and
    /// steps, with <see cref="FineTuneOptions"/> checked at start (and the storage, model access, export and pipeline
    /// settings they use).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddTimeVisionFineTuning(this IServiceCollection services) => services.AddFeature(nameof(AddTimeVisionFineTuning), static services =>
    {
        services.AddTimeVisionEstimates().AddTimeVisionVision().AddTimeVisionModels();
        services.TryAddStore<IFineTuneJobStore>(data => new LocalFineTuneJobStore(data), cosmos => new CosmosFineTuneJobStore(cosmos.Models));
        services.AddValidatedOptions<FineTuneOptions>(FineTuneOptions.SectionName);
        services.AddTimeVisionTraining().AddTimeVisionPipeline();
        services.TryAddSingleton<OpenAIFineTuning>();
        services.TryAddSingleton<FineTuneService>();
        services.TryAddSingleton<FineTuneStartSteps>();
        services.TryAddSingleton<FineTuneStarts>();
    });
}
