using TimeVision.Core.Estimating.Checklist;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the facts checklist: which of a drawing's facts an estimator checked, by whom and when.</summary>
public static class ChecklistServiceCollectionExtensions
{
    /// <summary>Adds the checklist service and its store (Cosmos DB or local files, as the storage settings say).</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddTimeVisionChecklist(this IServiceCollection services) => services.AddFeature(nameof(AddTimeVisionChecklist), static services =>
    {
        services.AddTimeVisionEstimates();
        services.TryAddStore<IChecklistStore>(data => new LocalChecklistStore(data), cosmos => new CosmosChecklistStore(cosmos.Estimates));
        services.TryAddSingleton<ChecklistService>();
    });
}
