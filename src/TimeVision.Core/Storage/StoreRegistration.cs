using Microsoft.Extensions.Options;
using TimeVision.Core.Storage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>How a feature registers its store: the same choice of Cosmos DB or local files for every store.</summary>
internal static class StoreRegistration
{
    /// <summary>
    /// The one place that decides where a store lives: in Cosmos DB when <c>Storage:CosmosEndpoint</c> is set, else in
    /// files under <c>Storage:DataDirectory</c>. Either way without I/O: <see cref="CosmosResourcesInitializer"/> creates
    /// the containers at start-up.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="local">The store in files under the data directory.</param>
    /// <param name="cosmos">The store in the Cosmos DB account.</param>
    /// <typeparam name="TStore">The store's service type.</typeparam>
    public static void TryAddStore<TStore>(this IServiceCollection services, Func<string, TStore> local, Func<CosmosAccount, TStore> cosmos)
        where TStore : class =>
        services.TryAddSingleton(provider =>
        {
            var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            return storage.CosmosEndpoint is null ? local(storage.DataDirectory) : cosmos(provider.GetRequiredService<CosmosAccount>());
        });
}
