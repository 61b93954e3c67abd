using System.Text.Json.Nodes;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.ShopCuttingData;
using TimeVision.Core.Storage;
using TimeVision.Core.Tests.LocalServices;
using TimeVision.Testing;
using TimeVision.Testing.LocalServices;

namespace TimeVision.Core.Tests.ShopCuttingData;

/// <summary>What the cutting-data store must do, on files and on Cosmos DB alike: every version kept whole, the newest read back, a number taken once.</summary>
public abstract class CuttingDataStoreContract
{
    private static readonly DateTimeOffset At = new(2026, 12, 9, 10, 0, 0, TimeSpan.Zero);

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    protected abstract Task<ICuttingDataStore> CreateStoreAsync();

    [Fact]
    public async Task The_newest_version_is_read_back_whole_a_reset_keeps_no_values_and_a_number_cannot_be_taken_twice()
    {
        var store = await CreateStoreAsync();
        var values = JsonNode.Parse("""{ "groups": [ { "group": "steel", "operations": { "drilling": { "vcMPerMin": 45 } } } ] }""")!.AsObject();

        var none = await store.LatestAsync(Token);
        await store.AddAsync(1, new CuttingDataOverride { Version = "shop-1", Values = values, SetBy = "petr", SetAt = At }, Token);
        var first = (await store.LatestAsync(Token))!;
        await store.AddAsync(2, new CuttingDataOverride { Version = "shop-2", SetBy = "jana", SetAt = At.AddHours(1) }, Token);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.AddAsync(2, new CuttingDataOverride { Version = "late" }, Token));
        var latest = (await store.LatestAsync(Token))!;

        Assert.Null(none);
        Assert.Equal((1, "shop-1", "petr", (DateTimeOffset?)At), (first.Number, first.Value.Version, first.Value.SetBy, first.Value.SetAt));
        Assert.True(JsonNode.DeepEquals(values, first.Value.Values), first.Value.Values?.ToJsonString());
        Assert.Contains("version 2", conflict.Message, StringComparison.Ordinal);
        Assert.Equal((2, "shop-2", "jana"), (latest.Number, latest.Value.Version, latest.Value.SetBy));
        Assert.Null(latest.Value.Values);
    }
}

/// <summary>The cutting-data store in the data folder.</summary>
public sealed class LocalCuttingDataStoreTests : CuttingDataStoreContract, IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    protected override Task<ICuttingDataStore> CreateStoreAsync() => Task.FromResult<ICuttingDataStore>(new LocalCuttingDataStore(_folder.Path));
}

/// <summary>The cutting-data store in the estimates container of the local Cosmos DB server.</summary>
[Collection(LocalServicesGroup.Name)]
public sealed class CosmosCuttingDataStoreTests(CosmosFixture cosmos) : CuttingDataStoreContract
{
    protected override async Task<ICuttingDataStore> CreateStoreAsync()
    {
        var client = cosmos.CreateClient(CosmosAccount.ClientOptions());
        var container = await CosmosEstimateStore.EnsureContainerAsync(client, await cosmos.CreateDatabaseNameAsync(Token), "estimates", Token);
        return new CosmosCuttingDataStore(container);
    }
}
