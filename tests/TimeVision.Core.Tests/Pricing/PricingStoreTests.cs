using TimeVision.Core.Estimating.Pricing;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Storage;
using TimeVision.Core.Tests.LocalServices;
using TimeVision.Testing;
using TimeVision.Testing.LocalServices;

namespace TimeVision.Core.Tests.Pricing;

/// <summary>The pricing stores in the data folder.</summary>
public sealed class LocalPricingStoreTests : PricingStoreContract, IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    protected override Task<(IRatesStore Rates, IFrozenQuoteStore Quotes)> CreateStoresAsync() =>
        Task.FromResult<(IRatesStore, IFrozenQuoteStore)>((new LocalRatesStore(_folder.Path), new LocalFrozenQuoteStore(_folder.Path)));
}

/// <summary>The pricing stores in the estimates container of the local Cosmos DB server.</summary>
[Collection(LocalServicesGroup.Name)]
public sealed class CosmosPricingStoreTests(CosmosFixture cosmos) : PricingStoreContract
{
    protected override async Task<(IRatesStore Rates, IFrozenQuoteStore Quotes)> CreateStoresAsync()
    {
        var client = cosmos.CreateClient(CosmosAccount.ClientOptions());
        var container = await CosmosEstimateStore.EnsureContainerAsync(client, await cosmos.CreateDatabaseNameAsync(Token), "estimates", Token);
        return (new CosmosRatesStore(container), new CosmosFrozenQuoteStore(container));
    }
}
