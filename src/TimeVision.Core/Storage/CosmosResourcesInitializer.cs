using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace TimeVision.Core.Storage;

/// <summary>
/// Creates the Cosmos DB database and containers where missing, once, at start-up, so no DI factory does I/O. A started
/// host runs it before any hosted service starts (so before the Functions worker takes an invocation or the Durable Task
/// worker an activity); the CLI, which does not start its host for most commands, calls <see cref="EnsureCreatedAsync"/>
/// when it builds one. It does nothing unless <c>Storage:CosmosEndpoint</c> is set and <c>Storage:CreateCosmosResources</c>
/// is on (in Azure the infrastructure creates them, and the app's data-plane role could not).
/// </summary>
/// <param name="options">Where the resources are, and whether to create them.</param>
/// <param name="services">Resolves the <see cref="CosmosAccount"/> only when Cosmos DB is configured.</param>
public sealed class CosmosResourcesInitializer(IOptions<StorageOptions> options, IServiceProvider services) : IHostedLifecycleService, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _created;

    /// <summary>Creates the database and containers when configured to, once per host.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        var storage = options.Value;
        if (_created || storage.CosmosEndpoint is null || !storage.CreateCosmosResources)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_created)
            {
                await services.GetRequiredService<CosmosAccount>().CreateResourcesAsync(cancellationToken);
                _created = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public Task StartingAsync(CancellationToken cancellationToken) => EnsureCreatedAsync(cancellationToken);

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();
}
