using Microsoft.DurableTask;
using TimeVision.Core.Durable;

namespace TimeVision.Hosting.Local;

/// <summary>Registers Core's durable task classes with a worker, found by reflection rather than listed by hand.</summary>
public static class LocalDurableTaskRegistry
{
    /// <summary>
    /// Adds every class of <see cref="DurableTaskTypes.Orchestrators"/> and <see cref="DurableTaskTypes.Activities"/>,
    /// each under its class name; the worker builds each activity from the host's services.
    /// </summary>
    /// <param name="registry">The worker's task registry.</param>
    /// <returns>The same registry, for chaining.</returns>
    public static DurableTaskRegistry AddTimeVisionTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var orchestrator in DurableTaskTypes.Orchestrators)
        {
            registry.AddOrchestrator(orchestrator);
        }

        foreach (var activity in DurableTaskTypes.Activities)
        {
            registry.AddActivity(activity);
        }

        return registry;
    }
}
