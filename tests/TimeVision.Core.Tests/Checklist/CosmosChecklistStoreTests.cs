using TimeVision.Core.Estimating.Checklist;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Storage;
using TimeVision.Core.Tests.LocalServices;
using TimeVision.Testing.LocalServices;

namespace TimeVision.Core.Tests.Checklist;

/// <summary>The checklist store in the estimates container, against the local Cosmos DB server.</summary>
[Collection(LocalServicesGroup.Name)]
public sealed class CosmosChecklistStoreTests(CosmosFixture cosmos) : ChecklistStoreContract
{
    protected override async Task<IChecklistStore> CreateStoreAsync()
    {
        var client = cosmos.CreateClient(CosmosAccount.ClientOptions());
        var container = await CosmosEstimateStore.EnsureContainerAsync(client, await cosmos.CreateDatabaseNameAsync(Token), "estimates", Token);
        return new CosmosChecklistStore(container);
    }
}
