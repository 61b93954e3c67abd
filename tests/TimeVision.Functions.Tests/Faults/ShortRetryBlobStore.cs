using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Storage;
using TimeVision.Testing.LocalServices;

namespace TimeVision.Functions.Tests.Faults;

/// <summary>
/// The app's Azure blob store, on a Blob Storage client that retries as often as the app's (the client's default number
/// of retries, kept) but waits milliseconds between tries where the app's waits seconds (4 s, then longer): an outage
/// outlasts the retries as it does in the app, and a blob operation in it fails within a second rather than after half
/// a minute.
/// </summary>
internal static class ShortRetryBlobStore
{
    /// <summary>Registers the store on <paramref name="storage"/> in place of the app's, with a factory (as the app registers it).</summary>
    public static void Use(IServiceCollection services, AzuriteFixture storage) =>
        services.AddSingleton<IBlobStore>(_ => new AzureBlobStore(new BlobServiceClient(storage.ConnectionString, Options())));

    private static BlobClientOptions Options()
    {
        var options = new BlobClientOptions();
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(100);
        return options;
    }
}
