using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Microsoft.ApplicationInsights.Channel;
using Microsoft.ApplicationInsights.DataContracts;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TimeVision.Core.Storage;
using TimeVision.Testing;

namespace TimeVision.Functions.Tests;

/// <summary>The worker's host, built as the Functions host would build it, from the sample settings.</summary>
public sealed class StartupTests
{
    private static readonly Action<ILogger, string, Exception?> DocumentSaved =
        LoggerMessage.Define<string>(LogLevel.Information, new EventId(3001), "Document estimate saved: {Status}");

    [Fact]
    public void The_worker_host_builds_from_the_sample_settings_and_resolves_every_function()
    {
        // Resolve the Cosmos DB store without contacting an emulator.
        using var host = WorkerHost("Storage:CreateCosmosResources", "false");
        host.Services.GetRequiredService<IStartupValidator>().Validate();

        // Every function the host will index (functions.metadata) must be declared by a class this host can build.
        var functionTypes = typeof(FunctionsApplicationBuilderExtensions).Assembly.GetTypes()
            .Where(type => type.GetMethods().Any(method => method.GetCustomAttribute<FunctionAttribute>() is not null))
            .ToList();
        var declared = functionTypes.SelectMany(type => type.GetMethods())
            .Select(method => method.GetCustomAttribute<FunctionAttribute>()?.Name).OfType<string>().Order(StringComparer.Ordinal);
        var indexed = FunctionsMetadataTests.Load().Select(function => function.GetProperty("name").GetString()!).Order(StringComparer.Ordinal);
        Assert.Equal(indexed, declared);
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
    public void No_filter_rule_caps_what_the_worker_sends_to_Application_Insights_at_Warning()
    {
        using var host = WorkerHost("APPLICATIONINSIGHTS_CONNECTION_STRING", "InstrumentationKey=00000000-0000-0000-0000-000000000000");

        var rules = host.Services.GetRequiredService<IOptions<LoggerFilterOptions>>().Value.Rules;

        // The rule the Application Insights SDK adds, and any like it for the app's own categories.
        Assert.DoesNotContain(rules, rule =>
            rule.ProviderName == "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider"
            && rule.LogLevel > LogLevel.Information
            && (string.IsNullOrEmpty(rule.CategoryName) || "TimeVision.Core.Estimating.Vision.OpenAIVisionEstimator".StartsWith(rule.CategoryName, StringComparison.Ordinal)));
    }

    [Fact]
    public void An_Information_log_of_the_app_is_sent_to_Application_Insights()
    {
        var channel = new CapturingTelemetryChannel();
        var builder = WorkerBuilder("APPLICATIONINSIGHTS_CONNECTION_STRING", "InstrumentationKey=00000000-0000-0000-0000-000000000000");
        builder.Services.AddSingleton<ITelemetryChannel>(channel);
        using var host = builder.Build();

        DocumentSaved(host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TimeVision.Core.Estimating.Pipeline.DocumentPipeline"), "completed", null);

        var trace = Assert.Single(channel.Items.OfType<TraceTelemetry>());
        Assert.Equal("Document estimate saved: completed", trace.Message);
        Assert.Equal(SeverityLevel.Information, trace.SeverityLevel);
    }

    [Fact]
    public void Host_json_lets_Information_through_by_default_and_for_functions()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "host.json")));
        var levels = hostJson.RootElement.GetProperty("logging").GetProperty("logLevel");

        foreach (var category in new[] { "default", "Function" })
        {
            var level = Enum.Parse<LogLevel>(levels.GetProperty(category).GetString()!);
            Assert.True(level <= LogLevel.Information, $"host.json's logLevel {category} is {level}");
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

    /// <summary>The worker's host from the sample settings and one more setting, built and not started.</summary>
    private static IHost WorkerHost(string setting, string value) => WorkerBuilder(setting, value).Build();

    [Fact]
    public void Open_access_stops_a_worker_host_outside_Development_at_start()
    {
        var builder = WorkerBuilder("Storage:CreateCosmosResources", "false");
        builder.Environment.EnvironmentName = Environments.Production;
        using var host = builder.Build();

        var failure = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Access:Mode open", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The worker's builder from the sample settings and one more setting, in the environment the sample names
    /// (<c>func start</c> passes its values to the worker as environment variables, read when the builder is made).
    /// </summary>
    private static FunctionsApplicationBuilder WorkerBuilder(string setting, string value)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Environment.EnvironmentName = SampleSettings.Values().Single(s => s.Key == "AZURE_FUNCTIONS_ENVIRONMENT").Value!;
        builder.Configuration.AddInMemoryCollection(SampleSettings.AsConfiguration());
        builder.Configuration.AddInMemoryCollection([new(setting, value)]);
        builder.AddTimeVision();
        return builder;
    }

    /// <summary>Keeps what Application Insights would send, in place of the network channel.</summary>
    private sealed class CapturingTelemetryChannel : ITelemetryChannel
    {
        private readonly ConcurrentQueue<ITelemetry> _items = new();

        public IReadOnlyList<ITelemetry> Items => [.. _items];

        public bool? DeveloperMode { get; set; }

        public string? EndpointAddress { get; set; }

        public void Send(ITelemetry item) => _items.Enqueue(item);

        public void Flush()
        {
        }

        public void Dispose()
        {
        }
    }
}
