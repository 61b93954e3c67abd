using TimeVision.Core.Calibration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers calibration: training a model's correction towards the shop's real times, and storing it.</summary>
public static class CalibrationServiceCollectionExtensions
{
    /// <summary>Adds the calibration store, the rows it learns from, the trainer (and the evaluation it runs) and the timer's recalibration.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddTimeVisionCalibration(this IServiceCollection services) => services.AddFeature(nameof(AddTimeVisionCalibration), static services =>
    {
        services.AddTimeVisionEstimates().AddTimeVisionHistory().AddTimeVisionEvaluation();
        services.TryAddSingleton<CalibrationStore>();
        services.TryAddSingleton<CalibrationRows>();
        services.TryAddSingleton<CalibrationTrainer>();
        services.AddValidatedOptions<RecalibrationOptions>(RecalibrationOptions.SectionName);
        services.AddTimeVisionModels();
        services.TryAddSingleton<Recalibration>();
    });
}
