using TimeVision.Core.Estimating.Estimates.Listing;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Storage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers where document estimates are kept, the list of documents, soft delete and the admin's purge.</summary>
public static class EstimatesServiceCollectionExtensions
{
    /// <summary>
    /// Adds the estimate store (Cosmos DB or files), <see cref="IEstimateListing"/> (the estimate store itself lists: files by a scan, Cosmos DB by its summary
    /// index), <see cref="EstimateDeletion"/> and <see cref="EstimatePurge"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddTimeVisionEstimates(this IServiceCollection services) => services.AddFeature(nameof(AddTimeVisionEstimates), static services =>
    {
        services.AddTimeVisionStorage();
        services.TryAddStore<IEstimateStore>(data => new LocalEstimateStore(data), cosmos => new CosmosEstimateStore(cosmos.Estimates));
        services.TryAddSingleton(provider => provider.GetRequiredService<IEstimateStore>() as IEstimateListing
            ?? throw new InvalidOperationException($"The registered {nameof(IEstimateStore)} cannot list documents; register an {nameof(IEstimateListing)}."));
        services.TryAddSingleton<EstimateDeletion>();
        services.TryAddSingleton(provider => provider.GetRequiredService<IBlobStore>() as IBlobRemoval
            ?? throw new InvalidOperationException($"The registered {nameof(IBlobStore)} cannot remove blobs; register an {nameof(IBlobRemoval)}."));
        services.TryAddSingleton<EstimatePurge>();
    });
}
