using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TimeVision.Hosting.Local;

/// <summary>
/// A real Durable Task engine in this process: the in-memory orchestration service behind the Durable Task gRPC
/// sidecar (from <c>Microsoft.DurableTask.InProcessTestHost</c>), on a free loopback port. Workers and clients connect
/// through <see cref="Channel"/>. Its concurrency comes from TimeVision's configuration, not the processor count.
/// State lives in memory: an interrupted run's orchestration is gone, but every page result is already in the
/// estimate store, so running again does not call the model for those pages.
/// </summary>
public sealed class LocalDurableEngine : IAsyncDisposable
{
    private readonly WebApplication _sidecar;

    private LocalDurableEngine(WebApplication sidecar, GrpcChannel channel)
    {
        _sidecar = sidecar;
        Channel = channel;
    }

    /// <summary>The channel workers and clients use.</summary>
    public GrpcChannel Channel { get; }

    /// <summary>Starts the engine with room for <paramref name="maxActivities"/> activities at once.</summary>
    /// <param name="maxActivities">Activities the backend hands out at once.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<LocalDurableEngine> StartAsync(int maxActivities, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http2));
        var backend = new InMemoryOrchestrationService();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<IOrchestrationService>(
            new ConcurrencyLimitedOrchestrationService(backend, maxActivities, maxOrchestrations: Math.Max(2, maxActivities)));
        builder.Services.AddSingleton<IOrchestrationServiceClient>(_ => new SingleInstanceOrchestrationClient<InMemoryOrchestrationService>(backend));
        builder.Services.AddSingleton<TaskHubGrpcServer>();

        var sidecar = builder.Build();
        sidecar.MapGrpcService<TaskHubGrpcServer>();
        await sidecar.StartAsync(cancellationToken);
        var address = sidecar.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LocalDurableEngine(sidecar, GrpcChannel.ForAddress(address));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _sidecar.StopAsync();
        await _sidecar.DisposeAsync();
    }
}
