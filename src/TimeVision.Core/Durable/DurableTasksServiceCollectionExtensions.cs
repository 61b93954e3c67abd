using TimeVision.Core.Durable;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers Core's activity classes, so every host that runs durable tasks builds them from its services the same way.
/// Apart from <c>AddTimeVisionCore</c>: an activity needs a host (<see cref="ActivityStopping"/> takes its lifetime).
/// </summary>
public static class DurableTasksServiceCollectionExtensions
{
    /// <summary>Adds every activity class of <see cref="DurableTaskTypes.Activities"/> and <see cref="ActivityStopping"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddTimeVisionDurableTasks(this IServiceCollection services) =>
        services.AddFeature(nameof(AddTimeVisionDurableTasks), static services =>
        {
            services.TryAddSingleton<ActivityStopping>();
            foreach (var activity in DurableTaskTypes.Activities)
            {
                services.TryAddTransient(activity);
            }
        });
}
