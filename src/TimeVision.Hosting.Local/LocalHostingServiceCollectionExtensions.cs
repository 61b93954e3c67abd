using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TimeVision.Hosting.Local;

/// <summary>Wires a host to the local Durable Task engine: one registration for <c>estimate</c>, <c>serve</c> and the tests.</summary>
public static class LocalHostingServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Durable Task worker, running every orchestrator and activity class of Core
    /// (<see cref="LocalDurableTaskRegistry.AddTimeVisionTasks"/>), and the client, both on the engine in
    /// <paramref name="slot"/>, which may start after the host is built.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="slot">Where the engine will be.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddLocalDurableTask(this IServiceCollection services, LocalEngineSlot slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        services.AddTimeVisionDurableTasks();
        services.AddDurableTaskWorker(worker =>
        {
            worker.UseGrpc(options => options.Channel = slot.Channel);
            worker.AddTasks(registry => registry.AddTimeVisionTasks());
        });
        services.AddDurableTaskClient(client => client.UseGrpc(options => options.Channel = slot.Channel));
        return services;
    }

    /// <summary>
    /// Records runs in the data folder and adds <see cref="LocalRecovery"/>'s start-up step; call before
    /// <see cref="AddLocalDurableTask"/>, so it runs before the worker takes work.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddLocalRecovery(this IServiceCollection services)
    {
        services.AddLocalRunJournal();
        services.TryAddSingleton(_ => ProcessStart.OfThisProcess());
        services.TryAddSingleton<LocalRecovery>();
        services.AddHostedService(provider => provider.GetRequiredService<LocalRecovery>());
        return services;
    }
}
