using Grpc.Net.Client;

namespace TimeVision.Cli.Engine;

/// <summary>
/// Where the command's one host finds the local Durable Task engine, which starts after the host is built (its
/// concurrency comes from the host's validated settings) and before the host starts.
/// </summary>
internal sealed class LocalEngineSlot
{
    public LocalDurableEngine? Engine { get; set; }

    public GrpcChannel Channel => Engine?.Channel ?? throw new InvalidOperationException("The local Durable Task engine is not started yet.");
}
