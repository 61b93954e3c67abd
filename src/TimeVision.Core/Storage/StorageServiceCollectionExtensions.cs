using Azure.Core;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using TimeVision.Core.Storage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers where blobs and the Cosmos DB account live: Azure or this machine. Each feature registers its own stores in them.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds the blob store (Azure Blob Storage or files) and the Cosmos DB account, with <see cref="StorageOptions"/>
    /// validated at start, and the start-up step that creates the Cosmos DB resources. A feature keeps its items in
    /// Cosmos DB or in files through <see cref="StoreRegistration.TryAddStore"/>.
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
    });

    private static StorageOptions StorageOf(IServiceProvider provider) => provider.GetRequiredService<IOptions<StorageOptions>>().Value;
}
