using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TimeVision.Testing;

namespace TimeVision.Functions.Tests;

/// <summary>The worker's host, built as the Functions host would build it, from the sample settings.</summary>
public sealed class StartupTests
{
    [Fact]
    public void The_worker_host_builds_from_the_sample_settings_and_resolves_every_function()
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(SampleSettings());
        // Resolve the Cosmos DB store without contacting an emulator.
        builder.Configuration.AddInMemoryCollection([new("Storage:CreateCosmosResources", "false")]);
        builder.AddTimeVision();

        using var host = builder.Build();
        host.Services.GetRequiredService<IStartupValidator>().Validate();

        var functionTypes = typeof(FunctionsStartup).Assembly.GetTypes()
            .Where(type => type.GetMethods().Any(method => method.GetCustomAttribute<FunctionAttribute>() is not null))
            .ToList();
        Assert.Equal(9, functionTypes.Count);
        foreach (var type in functionTypes.Where(type => !type.IsAbstract))
        {
            Assert.NotNull(ActivatorUtilities.CreateInstance(host.Services, type));
        }
    }

    [Fact]
    public void The_sample_settings_hold_no_secret_but_the_public_emulator_key()
    {
        foreach (var (name, value) in SampleSettings())
        {
            if (name.Contains("Key", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(value))
            {
                Assert.Equal(TimeVision.Testing.LocalServices.LocalServiceEndpoints.CosmosEmulatorKey, value);
            }
        }
    }

    private static List<KeyValuePair<string, string?>> SampleSettings() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "local.settings.sample.json")))
            .RootElement.GetProperty("Values").EnumerateObject()
            .Select(p => new KeyValuePair<string, string?>(p.Name.Replace("__", ":", StringComparison.Ordinal), p.Value.GetString()))
            .ToList();
}
