namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers TimeVision's Core services; both hosts (CLI and Functions) call this one method.</summary>
public static class TimeVisionCoreServiceCollectionExtensions
{
    /// <summary>
    /// Adds every Core feature, each wired by its own <c>AddTimeVisionX</c> method in its folder, with its options bound
    /// from configuration and validated at start. Calling it again adds nothing.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddTimeVisionCore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services
            .AddTimeVisionRendering()
            .AddTimeVisionFacts()
            .AddTimeVisionStorage()
            .AddTimeVisionVision()
            .AddTimeVisionModels()
            .AddTimeVisionHistory()
            .AddTimeVisionPipeline()
            .AddTimeVisionPricing()
            .AddTimeVisionEvaluation()
            .AddTimeVisionCalibration()
            .AddTimeVisionRecalibration()
            .AddTimeVisionFeedback()
            .AddTimeVisionChecklist()
            .AddTimeVisionEstimates()
            .AddTimeVisionTraining()
            .AddTimeVisionFineTuning()
            .AddTimeVisionModelCheck()
            .AddTimeVisionRetirement()
            .AddTimeVisionModelManagement();
    }
}
