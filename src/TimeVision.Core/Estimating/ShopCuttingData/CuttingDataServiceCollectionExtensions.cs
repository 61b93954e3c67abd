using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Estimating.ShopCuttingData;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the shop's cutting data: the stored override (versioned) over the shipped values.</summary>
public static class CuttingDataServiceCollectionExtensions
{
    /// <summary>
    /// Adds the cutting-data store (Cosmos DB or files) and <see cref="ShopCuttingDataService"/> as the cutting data in
    /// use and as the planner's <see cref="ICuttingDataSource"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddTimeVisionCuttingData(this IServiceCollection services) => services.AddFeature(nameof(AddTimeVisionCuttingData), static services =>
    {
        services.AddTimeVisionEstimates();
        services.TryAddStore<ICuttingDataStore>(data => new LocalCuttingDataStore(data), cosmos => new CosmosCuttingDataStore(cosmos.Estimates));
        services.TryAddSingleton<ShopCuttingDataService>();
        services.TryAddSingleton<ICuttingDataSource>(provider => provider.GetRequiredService<ShopCuttingDataService>());
    });
}
