using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.Vision.Registry;
using TimeVision.Core.Learning.FineTuning;
using TimeVision.Core.Storage;
using TimeVision.Testing.LocalServices;

namespace TimeVision.Core.Tests.Storage;

/// <summary>The Cosmos DB database and containers are created by a start-up step, never by resolving a store.</summary>
[Collection(LocalServices.LocalServicesGroup.Name)]
public sealed class CosmosResourcesInitializerTests : IAsyncLifetime
{
    private readonly CosmosFixture _cosmos;
    private readonly CosmosClient _client;
    private string _database = null!;

    public CosmosResourcesInitializerTests(CosmosFixture cosmos)
    {
        _cosmos = cosmos;
        _client = cosmos.CreateClient(CosmosAccount.ClientOptions());
    }

    // The database exists, empty, with an id the local server routes (CosmosFixture.CreateDatabaseAsync says why);
    // what the start-up step must create is the containers in it.
    public async ValueTask InitializeAsync() => _database = await _cosmos.CreateDatabaseNameAsync(Token);

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;


    [Fact]
    public async Task Resolving_the_Cosmos_DB_stores_does_no_I_O()
    {
        using var provider = Support.CoreServices.Create(services => services.AddSingleton(_client).AddTimeVisionCore(), Settings(create: true));

        Assert.IsType<CosmosEstimateStore>(provider.GetRequiredService<IEstimateStore>());
        Assert.IsType<CosmosModelRegistry>(provider.GetRequiredService<IModelRegistry>());
        Assert.IsType<CosmosFineTuneJobStore>(provider.GetRequiredService<IFineTuneJobStore>());

        Assert.Empty(await ContainersAsync());
    }

    [Fact]
    public async Task Starting_the_host_creates_the_database_and_both_containers_before_any_hosted_service_starts()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(Settings(create: true).Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        // Registered first, as the Functions worker's and the Durable Task worker's own hosted services are.
        var probe = new ContainersAtStart(ContainersAsync);
        builder.Services.AddHostedService(_ => probe);
        builder.Services.AddSingleton(_client).AddTimeVisionCore();
        using var host = builder.Build();

        await host.StartAsync(Token);
        var registry = host.Services.GetRequiredService<IModelRegistry>();
        await registry.SaveAsync(new ModelRegistryState { ActiveModel = "gpt-4.1" }, null, Token);
        await host.StopAsync(Token);

        Assert.Equal(["estimates", "models"], probe.Seen);
        Assert.Equal("gpt-4.1", (await registry.GetAsync(Token)).ActiveModel);
    }

    [Fact]
    public async Task With_CreateCosmosResources_off_the_start_up_step_creates_nothing()
    {
        using var provider = Support.CoreServices.Create(services => services.AddSingleton(_client).AddTimeVisionCore(), Settings(create: false));

        await provider.GetRequiredService<CosmosResourcesInitializer>().EnsureCreatedAsync(Token);

        Assert.Empty(await ContainersAsync());
    }

    private (string Key, string Value)[] Settings(bool create) =>
    [
        ("Storage:CosmosEndpoint", LocalServiceEndpoints.CosmosEndpoint.ToString()),
        ("Storage:CosmosDatabase", _database),
        ("Storage:CreateCosmosResources", create ? "true" : "false"),
    ];

    /// <summary>The containers of this test's database, in name order; none when the database does not exist.</summary>
    private async Task<IReadOnlyList<string>> ContainersAsync()
    {
        var databases = new List<string>();
        using (var query = _client.GetDatabaseQueryIterator<DatabaseProperties>())
        {
            while (query.HasMoreResults)
            {
                databases.AddRange((await query.ReadNextAsync(Token)).Select(d => d.Id));
            }
        }

        if (!databases.Contains(_database))
        {
            return [];
        }

        var containers = new List<string>();
        using var iterator = _client.GetDatabase(_database).GetContainerQueryIterator<ContainerProperties>();
        while (iterator.HasMoreResults)
        {
            containers.AddRange((await iterator.ReadNextAsync(Token)).Select(c => c.Id));
        }

        return [.. containers.Order(StringComparer.Ordinal)];
    }

    /// <summary>A hosted service that records which containers exist when the host starts it.</summary>
    private sealed class ContainersAtStart(Func<Task<IReadOnlyList<string>>> containers) : IHostedService
    {
        public IReadOnlyList<string> Seen { get; private set; } = [];

        public async Task StartAsync(CancellationToken cancellationToken) => Seen = await containers();

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
