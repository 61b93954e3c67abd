using TimeVision.Core.Learning.Evaluation;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers model evaluation: the evaluation set, the runner and the models' prices.</summary>
public static class EvaluationServiceCollectionExtensions
{
    /// <summary>Adds the evaluation set builder and runners, of the minutes and of the features (and the pipeline and reader they run).</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddTimeVisionEvaluation(this IServiceCollection services) => services.AddFeature(nameof(AddTimeVisionEvaluation), static services =>
    {
        services.AddTimeVisionEstimates().AddTimeVisionPipeline().AddTimeVisionHistory();
        services.AddTimeVisionCalibration();
        services.TryAddSingleton<EvaluationSetBuilder>();
        services.TryAddSingleton<EngineCandidates>();
        services.TryAddSingleton<EvaluationRunner>();
        services.AddTimeVisionTraining();
        services.TryAddSingleton<FeatureEvaluationRunner>();
    });
}
