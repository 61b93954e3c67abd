using Azure.Core;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using TimeVision.Core.FineTuning;
using TimeVision.Core.ModelRegistry;
using TimeVision.Core.Storage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers where blobs, estimates, the model registry and fine-tuning jobs live: Azure or this machine.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds the blob store (Azure Blob Storage or files), the Cosmos DB account and the stores kept in it (estimates,
    /// the model registry, fine-tuning jobs; files when no Cosmos DB endpoint is set), with <see cref="StorageOptions"/>
    /// validated at start, and the start-up step that creates the Cosmos DB resources.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddTimeVisionStorage(this IServiceCollection services) => services.AddFeature(nameof(AddTimeVisionStorage), static services =>
    {
        services.AddValidatedOptions<StorageOptions, StorageOptionsValidator>(StorageOptions.SectionName);
        services.TryAddTokenCredential();
        services.TryAddSingleton<IBlobStore>(provider =>
        {
            var storage = StorageOf(provider);
            if (!string.IsNullOrWhiteSpace(storage.BlobConnectionString))
            {
                return new AzureBlobStore(new BlobServiceClient(storage.BlobConnectionString));
            }

            return storage.BlobServiceUri is { } serviceUri
                ? new AzureBlobStore(new BlobServiceClient(serviceUri, provider.GetRequiredService<TokenCredential>()))
                : new LocalBlobStore(Path.Combine(storage.DataDirectory, "blobs"));
        });
        services.TryAddSingleton(provider => CosmosAccount.Connect(StorageOf(provider), provider.GetRequiredService<TokenCredential>()));
        services.TryAddSingleton<CosmosAccount>();
        services.TryAddSingleton<CosmosResourcesInitializer>();
        services.AddHostedService(provider => provider.GetRequiredService<CosmosResourcesInitializer>());
        services.TryAddStore<IEstimateStore>(data => new LocalEstimateStore(data), cosmos => new CosmosEstimateStore(cosmos.Estimates));
        services.TryAddStore<IDailyTotals>(data => new LocalDailyTotals(data), cosmos => new CosmosDailyTotals(cosmos.Estimates));
        services.TryAddStore<IModelRegistry>(data => new LocalModelRegistry(data), cosmos => new CosmosModelRegistry(cosmos.Models));
        services.TryAddStore<IFineTuneJobStore>(data => new LocalFineTuneJobStore(data), cosmos => new CosmosFineTuneJobStore(cosmos.Models));
        services.TryAddStore<TimeVision.Core.History.IHistoryStore>(data => new TimeVision.Core.History.LocalHistoryStore(data), cosmos => new TimeVision.Core.History.CosmosHistoryStore(cosmos.Estimates));
    });

    /// <summary>
    /// The one place that decides where a store lives: in Cosmos DB when <c>Storage:CosmosEndpoint</c> is set, else in
    /// files under <c>Storage:DataDirectory</c>. Either way without I/O: <see cref="CosmosResourcesInitializer"/> creates
    /// the containers at start-up.
    /// </summary>
    private static void TryAddStore<TStore>(this IServiceCollection services, Func<string, TStore> local, Func<CosmosAccount, TStore> cosmos)
        where TStore : class =>
        services.TryAddSingleton(provider =>
        {
            var storage = StorageOf(provider);
            return storage.CosmosEndpoint is null ? local(storage.DataDirectory) : cosmos(provider.GetRequiredService<CosmosAccount>());
        });

    private static StorageOptions StorageOf(IServiceProvider provider) => provider.GetRequiredService<IOptions<StorageOptions>>().Value;
}
