using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.Pipeline.Recovery;
using TimeVision.Core.Storage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers what resumes runs a crash interrupted.</summary>
public static class RecoveryServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="UnfinishedRuns"/> (with the one run starter it resumes through) and, unless a host recorded runs (<see cref="AddLocalRunJournal"/>), a journal
    /// that records nothing: the Functions app's Durable Functions engine keeps its runs in Azure Storage itself.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddTimeVisionRecovery(this IServiceCollection services) => services.AddFeature(nameof(AddTimeVisionRecovery), static services =>
    {
        services.AddTimeVisionEstimates();
        services.TryAddSingleton<IRunJournal, NoRunJournal>();
        services.TryAddSingleton<TimeVision.Core.Estimating.Pipeline.DocumentRunStarter>();
        services.TryAddSingleton<UnfinishedRuns>();
    });

    /// <summary>
    /// Records every run in the data folder (<see cref="LocalRunJournal"/>) until it saves its estimate: for a host whose
    /// Durable Task engine keeps its state in memory (<c>timevision serve</c>, <c>estimate</c>, <c>retry</c>), so the
    /// runs a crash interrupts can be resumed at the next start.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddLocalRunJournal(this IServiceCollection services)
    {
        services.AddTimeVisionRecovery();
        services.Replace(ServiceDescriptor.Singleton<IRunJournal>(provider =>
            new LocalRunJournal(provider.GetRequiredService<IOptions<StorageOptions>>().Value.DataDirectory)));
        return services;
    }
}
