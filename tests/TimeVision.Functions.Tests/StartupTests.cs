using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TimeVision.Core.Storage;

namespace TimeVision.Functions.Tests;

/// <summary>The worker's host, built as the Functions host would build it, from the sample settings.</summary>
public sealed class StartupTests
{
    [Fact]
    public void The_worker_host_builds_from_the_sample_settings_and_resolves_every_function()
    {
        // Resolve the Cosmos DB store without contacting an emulator.
        using var host = WorkerHost("Storage:CreateCosmosResources", "false");
        host.Services.GetRequiredService<IStartupValidator>().Validate();

        var functionTypes = typeof(FunctionsApplicationBuilderExtensions).Assembly.GetTypes()
            .Where(type => type.GetMethods().Any(method => method.GetCustomAttribute<FunctionAttribute>() is not null))
            .ToList();
        Assert.Equal(10, functionTypes.Count);
        foreach (var type in functionTypes.Where(type => !type.IsAbstract))
        {
            Assert.NotNull(ActivatorUtilities.CreateInstance(host.Services, type));
        }
    }

    [Fact]
    public void The_worker_host_creates_the_Cosmos_DB_resources_as_it_starts_before_any_hosted_service_takes_work()
    {
        // Where the Functions host would be; the worker's hosted service is only created here, never started.
        using var host = WorkerHost("Functions:Worker:HostEndpoint", "http://127.0.0.1:9");

        // A lifecycle service's StartingAsync runs before every hosted service's StartAsync, the worker's included.
        var initializer = host.Services.GetRequiredService<CosmosResourcesInitializer>();
        Assert.Contains(initializer, host.Services.GetServices<IHostedService>());
        Assert.IsAssignableFrom<IHostedLifecycleService>(initializer);
    }

    [Fact]
    public void A_bad_setting_stops_the_worker_host_at_start_with_the_setting_named()
    {
        // The sample settings name a Cosmos DB endpoint; without a database it cannot be used.
        using var host = WorkerHost("Storage:CosmosDatabase", "");

        var failure = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Storage:CosmosDatabase", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sample_settings_hold_no_secret_but_the_public_emulator_key()
    {
        foreach (var (name, value) in SampleSettings.AsConfiguration())
        {
            if (name.Contains("Key", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(value))
            {
                Assert.Equal(Testing.LocalServices.LocalServiceEndpoints.CosmosEmulatorKey, value);
            }
        }
    }

    /// <summary>The worker's host from the sample settings and one more setting, built and not started.</summary>
    private static IHost WorkerHost(string setting, string value)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(SampleSettings.AsConfiguration());
        builder.Configuration.AddInMemoryCollection([new(setting, value)]);
        builder.AddTimeVision();
        return builder.Build();
    }
}
