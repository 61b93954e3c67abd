using TimeVision.Core.Learning.Evaluation;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers model evaluation: the evaluation set, the runner and the models' prices.</summary>
public static class EvaluationServiceCollectionExtensions
{
    /// <summary>Adds the evaluation set builder and runner (and the pipeline they run).</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddTimeVisionEvaluation(this IServiceCollection services) => services.AddFeature(nameof(AddTimeVisionEvaluation), static services =>
    {
        services.AddTimeVisionEstimates().AddTimeVisionPipeline().AddTimeVisionHistory();
        services.AddTimeVisionCalibration();
        services.TryAddSingleton<EvaluationSetBuilder>();
        services.TryAddSingleton<EngineCandidates>();
        services.TryAddSingleton<EvaluationRunner>();
    });
}
