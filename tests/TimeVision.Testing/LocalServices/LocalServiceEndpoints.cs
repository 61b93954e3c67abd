using Xunit;

namespace TimeVision.Testing.LocalServices;

/// <summary>
/// Where the tests find the local services <c>tests/services/start.sh</c> starts. Each can be pointed elsewhere
/// with an environment variable.
/// </summary>
public static class LocalServiceEndpoints
{
    /// <summary>
    /// The Cosmos DB emulator's published, well-known account key. The local server accepts any key; this one is
    /// public, not a secret.
    /// </summary>
    public const string CosmosEmulatorKey = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    /// <summary>Azurite's connection string (<c>TIMEVISION_TEST_STORAGE</c>; default: Azurite's development storage).</summary>
    public static string StorageConnectionString =>
        Environment.GetEnvironmentVariable("TIMEVISION_TEST_STORAGE") ?? "UseDevelopmentStorage=true";

    /// <summary>The Cosmos DB server's endpoint (<c>TIMEVISION_TEST_COSMOS_ENDPOINT</c>; default https://127.0.0.1:8081/).</summary>
    public static Uri CosmosEndpoint =>
        new(Environment.GetEnvironmentVariable("TIMEVISION_TEST_COSMOS_ENDPOINT") ?? "https://127.0.0.1:8081/");

    /// <summary>
    /// The PEM certificate the Cosmos DB server presents (<c>TIMEVISION_TEST_COSMOS_CERT</c>; default: the one its npm
    /// package ships). Tests trust exactly this certificate, nothing else.
    /// </summary>
    public static string CosmosCertificatePath =>
        Environment.GetEnvironmentVariable("TIMEVISION_TEST_COSMOS_CERT")
        ?? Path.Combine(RepositoryPaths.Root, "tests", "services", "node_modules", "@vercel", "cosmosdb-server", "cert.pem");

    /// <summary>
    /// A service program <c>tests/services/install.sh</c> installs (<c>tests/services/node_modules/.bin</c>), for tests that
    /// start a service of their own (<see cref="PrivateAzurite"/>, <see cref="PrivateCosmos"/>).
    /// </summary>
    public static string ServiceExecutable(string name)
    {
        var path = Path.Combine(RepositoryPaths.Root, "tests", "services", "node_modules", ".bin", name);
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{path} is missing. Install the services with 'tests/services/install.sh'.");
    }

    /// <summary>The hint every "service not answering" failure carries.</summary>
    public const string StartHint = "Start the local services with 'tests/services/start.sh' (or run every test with 'bash tests/run.sh').";
}
