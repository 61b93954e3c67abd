using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.Pipeline;

namespace TimeVision.Hosting.Local;

/// <summary>
/// Where a host finds the local Durable Task engine, which starts after the host is built (its concurrency comes from
/// the host's validated settings) and before the host starts.
/// </summary>
public sealed class LocalEngineSlot
{
    /// <summary>The engine, once started.</summary>
    public LocalDurableEngine? Engine { get; set; }

    /// <summary>The engine's channel, for the worker and the client.</summary>
    /// <exception cref="InvalidOperationException">The engine is not started yet.</exception>
    public GrpcChannel Channel => Engine?.Channel ?? throw new InvalidOperationException("The local Durable Task engine is not started yet.");

    /// <summary>
    /// Starts the engine with room for the host's <see cref="PipelineOptions.MaxPagesInFlight"/> activities at once (at
    /// least 2) and puts it in the slot; the caller disposes it after the host stops.
    /// </summary>
    /// <param name="services">The built host's services.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public async Task<LocalDurableEngine> StartAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var pipeline = services.GetRequiredService<IOptions<PipelineOptions>>().Value;
        Engine = await LocalDurableEngine.StartAsync(Math.Max(2, pipeline.MaxPagesInFlight), cancellationToken);
        return Engine;
    }
}
