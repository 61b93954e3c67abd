using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.Vision.Registry;
using TimeVision.Core.Storage;
using TimeVision.Testing.LocalServices;

namespace TimeVision.Cli.Tests;

/// <summary>The host a command runs in: built, validated and prepared before the command's first use of a store.</summary>
public sealed class CliHostTests(CosmosFixture cosmos) : IClassFixture<CosmosFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Building_a_command_s_host_creates_the_Cosmos_DB_resources_before_the_command_uses_a_store()
    {
        using var client = cosmos.CreateClient(CosmosAccount.ClientOptions());
        var database = await cosmos.CreateDatabaseNameAsync(Token);
        var overrides = new Dictionary<string, string?>
        {
            ["Storage:CosmosEndpoint"] = LocalServiceEndpoints.CosmosEndpoint.ToString(),
            ["Storage:CosmosDatabase"] = database,
        };

        using var host = await CliHost.BuildAsync(overrides, services => services.AddSingleton(client), Token);

        var estimates = await client.GetContainer(database, "estimates").ReadContainerAsync(cancellationToken: Token);
        var models = await client.GetContainer(database, "models").ReadContainerAsync(cancellationToken: Token);
        Assert.Equal(CosmosEstimateStore.PartitionKeyPath, estimates.Resource.PartitionKeyPath);
        Assert.Equal(CosmosModelRegistry.PartitionKeyPath, models.Resource.PartitionKeyPath);
        Assert.Null((await host.Services.GetRequiredService<IModelRegistry>().GetAsync(Token)).ActiveModel);
    }

    [Fact]
    public async Task A_bad_setting_stops_a_command_before_it_runs_with_the_setting_named()
    {
        var environment = new Dictionary<string, string?> { ["Storage__CosmosKey"] = "a-key-without-an-endpoint" };

        var run = await CliRunner.RunProcessAsync(environment, "show", new string('a', 64));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("invalid_option", run.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("Storage:CosmosKey", run.Json.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
