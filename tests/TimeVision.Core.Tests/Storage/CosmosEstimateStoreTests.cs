using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Storage;
using TimeVision.Core.Tests.LocalServices;
using TimeVision.Testing.LocalServices;

namespace TimeVision.Core.Tests.Storage;

/// <summary>The Cosmos DB store through the real SDK against the local Cosmos DB server.</summary>
[Collection(LocalServicesGroup.Name)]
public sealed class CosmosEstimateStoreTests(CosmosFixture cosmos) : EstimateStoreContract
{
    protected override async Task<IEstimateStore> CreateStoreAsync()
    {
        var client = cosmos.CreateClient(CosmosAccount.ClientOptions());
        var container = await CosmosEstimateStore.EnsureContainerAsync(client, await cosmos.CreateDatabaseNameAsync(Token), "estimates", Token);
        return new CosmosEstimateStore(container);
    }
}
