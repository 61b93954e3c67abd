using TimeVision.Core.Learning.Feedback;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the shop's feedback: real spindle times recorded against stored estimates.</summary>
public static class FeedbackServiceCollectionExtensions
{
    /// <summary>Adds the feedback service (and the storage it writes to).</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddTimeVisionFeedback(this IServiceCollection services) => services.AddFeature(nameof(AddTimeVisionFeedback), static services =>
        services.AddTimeVisionEstimates().TryAddSingleton<FeedbackService>());
}
