using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TimeVision.Core.Storage;

namespace TimeVision.Cli;

/// <summary>
/// Builds the generic host a command runs in: configuration from <c>appsettings.json</c>, the environment
/// (e.g. <c>Rendering__Dpi=200</c>) and the command's own flags, in rising precedence; logs go to stderr so
/// stdout carries only the command's JSON.
/// </summary>
internal static class CliHost
{
    /// <summary>
    /// Builds the host and runs what a started host would run before first use, without starting it (most commands need
    /// no hosted service): the options' start-up validation, then Core's start-up step (the Cosmos DB resources, when
    /// configured to create them). A command that starts the host (<c>estimate</c>) finds that step already done.
    /// </summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting or flag is invalid.</exception>
    public static async Task<IHost> BuildAsync(
        IReadOnlyDictionary<string, string?> overrides, Action<IServiceCollection>? configureServices, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(TimeVisionCommandLine.Settings); // above the environment, below the flags
        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddTimeVisionCore();
        configureServices?.Invoke(builder.Services);

        var host = builder.Build();
        try
        {
            host.Services.GetRequiredService<IStartupValidator>().Validate();
            await host.Services.GetRequiredService<CosmosResourcesInitializer>().EnsureCreatedAsync(cancellationToken);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs a command's body in a host built from <paramref name="overrides"/>, with the command's stdout and stderr;
    /// a bad setting ends it with the <c>invalid_option</c> error and exit code 2.
    /// </summary>
    public static async Task<int> RunAsync(
        System.CommandLine.ParseResult parse,
        IReadOnlyDictionary<string, string?> overrides,
        Func<IServiceProvider, TextWriter, TextWriter, Task<int>> body,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(body);
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        using var host = await TryBuildAsync(overrides, stdout, stderr, cancellationToken);
        return host is null ? ExitCodes.BadInput : await body(host.Services, stdout, stderr);
    }

    /// <summary>Builds the host, or writes the <c>invalid_option</c> error and returns <see langword="null"/>.</summary>
    public static Task<IHost?> TryBuildAsync(
        IReadOnlyDictionary<string, string?> overrides, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        TryBuildAsync(overrides, stdout, stderr, configureServices: null, cancellationToken);

    /// <summary>Builds the host with the command's own services added, or writes the <c>invalid_option</c> error and returns <see langword="null"/>.</summary>
    public static async Task<IHost?> TryBuildAsync(
        IReadOnlyDictionary<string, string?> overrides, TextWriter stdout, TextWriter stderr, Action<IServiceCollection>? configureServices, CancellationToken cancellationToken)
    {
        try
        {
            return await BuildAsync(overrides, configureServices, cancellationToken);
        }
        catch (OptionsValidationException exception)
        {
            CliOutput.WriteError(stdout, stderr, "invalid_option", string.Join(" ", exception.Failures), ExitCodes.BadInput);
            return null;
        }
    }
}
