using TimeVision.Core.Learning.CalibrationTraining;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers recalibration: training a model's correction from the shop's real times, on request or on a timer.</summary>
public static class RecalibrationServiceCollectionExtensions
{
    /// <summary>Adds the trainer (and the calibration and evaluation it builds on) and the timer's recalibration, with <see cref="RecalibrationOptions"/> validated at start.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddTimeVisionRecalibration(this IServiceCollection services) => services.AddFeature(nameof(AddTimeVisionRecalibration), static services =>
    {
        services.AddTimeVisionCalibration().AddTimeVisionEvaluation().AddTimeVisionModels();
        services.TryAddSingleton<CalibrationTrainer>();
        services.AddValidatedOptions<RecalibrationOptions>(RecalibrationOptions.SectionName);
        services.TryAddSingleton<Recalibration>();
    });
}
