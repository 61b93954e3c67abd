using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Storage;
using TimeVision.Core.Tests.LocalServices;
using TimeVision.Testing.LocalServices;

namespace TimeVision.Core.Tests.Estimates.Listing;

/// <summary>The list of documents on Cosmos DB (the month-partitioned summary index), against the local Cosmos DB server.</summary>
[Collection(LocalServicesGroup.Name)]
public sealed class CosmosEstimateListingTests(CosmosFixture cosmos) : EstimateListingContract
{
    protected override async Task<IEstimateStore> CreateStoreAsync()
    {
        var client = cosmos.CreateClient(CosmosAccount.ClientOptions());
        var container = await CosmosEstimateStore.EnsureContainerAsync(client, await cosmos.CreateDatabaseNameAsync(Token), "estimates", Token);
        return new CosmosEstimateStore(container);
    }
}
