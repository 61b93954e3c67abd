using Grpc.Net.Client;

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
}
