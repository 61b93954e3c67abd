using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Learning.Calibration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers calibration: a model's stored correction towards the shop's real times, and its use on new documents.</summary>
public static class CalibrationServiceCollectionExtensions
{
    /// <summary>
    /// Adds the calibration store, the rows a calibration reads, the calibrated times the pipeline puts beside the
    /// model's on each document it assembles, and the stored figures <c>Estimate:Method = best</c> compares.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddTimeVisionCalibration(this IServiceCollection services) => services.AddFeature(nameof(AddTimeVisionCalibration), static services =>
    {
        services.AddTimeVisionEstimates().AddTimeVisionHistory();
        services.TryAddSingleton<CalibrationStore>();
        services.TryAddSingleton<CalibrationRows>();
        services.TryAddSingleton<CalibratedEstimates>();
        services.Replace(ServiceDescriptor.Singleton<IDocumentCalibration>(provider => provider.GetRequiredService<CalibratedEstimates>()));
        services.TryAddSingleton<CalibrationMethodScores>();
        services.Replace(ServiceDescriptor.Singleton<IEstimateMethodScores>(provider => provider.GetRequiredService<CalibrationMethodScores>()));
    });
}
