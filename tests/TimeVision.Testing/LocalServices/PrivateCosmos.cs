using System.Globalization;

namespace TimeVision.Testing.LocalServices;

/// <summary>
/// A Cosmos DB server of one test's own, on a free port. It keeps its data in memory only, so a restart loses every
/// database: what survives an outage of a real account cannot be shown with it, only what the app does meanwhile and
/// after. The shared server on port 8081 is never touched.
/// </summary>
public sealed class PrivateCosmos : IAsyncDisposable
{
    private PrivateCosmos(ServiceProcess service, CosmosFixture fixture)
    {
        Service = service;
        Fixture = fixture;
    }

    /// <summary>The server process: stop and start it for an outage.</summary>
    public ServiceProcess Service { get; }

    /// <summary>The fixture pointing at this server, for the harnesses that take one.</summary>
    public CosmosFixture Fixture { get; }

    /// <summary>Starts the server on a free port and waits until it answers.</summary>
    public static async Task<PrivateCosmos> StartAsync(CancellationToken cancellationToken)
    {
        var service = await ServiceProcess.StartAsync(
            "Cosmos DB server",
            LocalServiceEndpoints.ServiceExecutable("cosmosdb-server"),
            port => ["--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture)],
            cancellationToken);
        try
        {
            var fixture = CosmosFixture.At(new Uri(string.Create(CultureInfo.InvariantCulture, $"https://127.0.0.1:{service.Port}/")));
            await fixture.InitializeAsync();
            return new PrivateCosmos(service, fixture);
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Fixture.DisposeAsync();
        await Service.DisposeAsync();
    }
}
