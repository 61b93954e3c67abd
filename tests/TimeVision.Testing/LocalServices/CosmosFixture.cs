using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Azure.Cosmos;

using Xunit;

namespace TimeVision.Testing.LocalServices;

/// <summary>
/// The local Cosmos DB server, reached through the real SDK in Gateway mode and trusting only the server's own
/// self-signed certificate. Each test takes a database of its own. The shared server
/// (<see cref="LocalServiceEndpoints.CosmosEndpoint"/>) unless made with <see cref="At"/>.
/// </summary>
public sealed class CosmosFixture : IAsyncLifetime
{
    private X509Certificate2? _certificate;
    private CosmosClient? _client;

    /// <summary>The fixture for the shared server.</summary>
    public CosmosFixture()
        : this(LocalServiceEndpoints.CosmosEndpoint)
    {
    }

    private CosmosFixture(Uri endpoint) => Endpoint = endpoint;

    /// <summary>The server's endpoint.</summary>
    public Uri Endpoint { get; }

    /// <summary>A fixture for the server at <paramref name="endpoint"/> (one a test started, say), with the same certificate.</summary>
    public static CosmosFixture At(Uri endpoint) => new(endpoint);

    /// <summary>The client, ready once the fixture is initialised.</summary>
    public CosmosClient Client => _client ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <summary>Options that reach the local server: Gateway mode, its endpoint only, its certificate pinned.</summary>
    public static CosmosClientOptions ClientOptions(X509Certificate2 trusted) => new()
    {
        ConnectionMode = ConnectionMode.Gateway,
        LimitToEndpoint = true,
        HttpClientFactory = () => new HttpClient(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None || (certificate is not null && certificate.Equals(trusted)),
        }),
    };

    /// <summary>A client for the local server with TimeVision's own options plus Gateway mode and the pinned certificate.</summary>
    public CosmosClient CreateClient(CosmosClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var trusted = ClientOptions(_certificate ?? throw new InvalidOperationException("The fixture is not initialised."));
        options.ConnectionMode = trusted.ConnectionMode;
        options.LimitToEndpoint = trusted.LimitToEndpoint;
        options.HttpClientFactory = trusted.HttpClientFactory;
        return new CosmosClient(Endpoint.ToString(), LocalServiceEndpoints.CosmosEmulatorKey, options);
    }

    /// <summary>
    /// Creates an empty database with a unique name whose resource id the local server can route. It numbers databases
    /// in turn, and every 64th id's base64 holds a '/' (the next before it a '+'): the SDK puts resource ids in the
    /// partition key ranges URL, so every query in such a database fails with 404 "stale cache". Those are left unused.
    /// </summary>
    public async Task<Database> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var response = await Client.CreateDatabaseAsync($"test-{Guid.NewGuid():N}", cancellationToken: cancellationToken);
            if (IsRoutable(response.Resource))
            {
                return response.Database;
            }
        }
    }

    /// <summary>The name of a new, empty database the local server can route (see <see cref="CreateDatabaseAsync"/>).</summary>
    public async Task<string> CreateDatabaseNameAsync(CancellationToken cancellationToken) => (await CreateDatabaseAsync(cancellationToken)).Id;

    /// <summary>
    /// Creates again, empty, a database <see cref="CreateDatabaseAsync"/> named, after a restart of the server lost it
    /// (the server keeps data in memory only); fails if the server gave it a resource id it cannot route.
    /// </summary>
    public async Task<Database> RecreateDatabaseAsync(string id, CancellationToken cancellationToken)
    {
        var response = await Client.CreateDatabaseAsync(id, cancellationToken: cancellationToken);
        return IsRoutable(response.Resource)
            ? response.Database
            : throw new InvalidOperationException($"The server gave database {id} the resource link {response.Resource.SelfLink}, which it cannot route.");
    }

    private static bool IsRoutable(DatabaseProperties database)
    {
        var rid = database.SelfLink.Trim('/')["dbs/".Length..];
        return !rid.Contains('/', StringComparison.Ordinal) && !rid.Contains('+', StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        var certificatePath = LocalServiceEndpoints.CosmosCertificatePath;
        if (!File.Exists(certificatePath))
        {
            throw new InvalidOperationException(
                $"The Cosmos DB server's certificate is not at {certificatePath}. Install the services with 'tests/services/install.sh'.");
        }

        _certificate = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(certificatePath));
        _client = new CosmosClient(Endpoint.ToString(), LocalServiceEndpoints.CosmosEmulatorKey, ClientOptions(_certificate));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _client.ReadAccountAsync().WaitAsync(timeout.Token);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            throw new InvalidOperationException(
                $"The Cosmos DB server is not answering at {Endpoint}. {LocalServiceEndpoints.StartHint}", exception);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _client?.Dispose();
        _certificate?.Dispose();
        return ValueTask.CompletedTask;
    }
}
