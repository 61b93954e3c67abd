using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TimeVision.Functions.Tests;

/// <summary>The worker's host, built as the Functions host would build it, from the sample settings.</summary>
public sealed class StartupTests
{
    [Fact]
    public void The_worker_host_builds_from_the_sample_settings_and_resolves_every_function()
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(SampleSettings.AsConfiguration());
        // Resolve the Cosmos DB store without contacting an emulator.
        builder.Configuration.AddInMemoryCollection([new("Storage:CreateCosmosResources", "false")]);
        builder.AddTimeVision();

        using var host = builder.Build();
        host.Services.GetRequiredService<IStartupValidator>().Validate();

        var functionTypes = typeof(FunctionsStartup).Assembly.GetTypes()
            .Where(type => type.GetMethods().Any(method => method.GetCustomAttribute<FunctionAttribute>() is not null))
            .ToList();
        Assert.Equal(10, functionTypes.Count);
        foreach (var type in functionTypes.Where(type => !type.IsAbstract))
        {
            Assert.NotNull(ActivatorUtilities.CreateInstance(host.Services, type));
        }
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
}
