using System.Globalization;

namespace TimeVision.Testing.LocalServices;

/// <summary>
/// An Azurite Blob service of one test's own, on a free port, keeping its data in a folder (<c>--location</c>) so a
/// restart keeps every blob, as a real storage outage does. The shared Azurite on port 10000 is never touched.
/// </summary>
public sealed class PrivateAzurite : IAsyncDisposable
{
    /// <summary>Azurite's published development account key: public, not a secret.</summary>
    private const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly TempFolder _location;

    private PrivateAzurite(ServiceProcess service, TempFolder location, AzuriteFixture fixture)
    {
        Service = service;
        _location = location;
        Fixture = fixture;
    }

    /// <summary>The Azurite process: stop and start it for an outage.</summary>
    public ServiceProcess Service { get; }

    /// <summary>The fixture pointing at this Azurite, for the harnesses that take one.</summary>
    public AzuriteFixture Fixture { get; }

    /// <summary>Starts Azurite's Blob service on a free port with its data in a new folder, and waits until it answers.</summary>
    public static async Task<PrivateAzurite> StartAsync(CancellationToken cancellationToken)
    {
        var location = new TempFolder();
        try
        {
            var service = await ServiceProcess.StartAsync(
                "Azurite",
                LocalServiceEndpoints.ServiceExecutable("azurite-blob"),
                port =>
                [
                    "--silent", "--skipApiVersionCheck", "--disableTelemetry",
                    "--blobHost", "127.0.0.1", "--blobPort", port.ToString(CultureInfo.InvariantCulture),
                    "--location", location.Path,
                ],
                cancellationToken);
            var fixture = AzuriteFixture.At(string.Create(
                CultureInfo.InvariantCulture,
                $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentAccountKey};BlobEndpoint=http://127.0.0.1:{service.Port}/devstoreaccount1;"));
            await fixture.InitializeAsync();
            return new PrivateAzurite(service, location, fixture);
        }
        catch
        {
            location.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Service.DisposeAsync();
        await Fixture.DisposeAsync();
        _location.Dispose();
    }
}
