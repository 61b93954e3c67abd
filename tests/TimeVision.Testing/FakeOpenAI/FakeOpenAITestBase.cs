using Xunit;

namespace TimeVision.Testing.FakeOpenAI;

/// <summary>
/// A test class whose every test talks to a <see cref="FakeOpenAIServer"/> of its own: started before the test, and
/// after it checked for requests that broke the API's rules (<see cref="FakeOpenAIServer.Violations"/>), then stopped.
/// A test that keeps data on disk gets a <see cref="Folder"/> of its own too.
/// </summary>
public abstract class FakeOpenAITestBase : IAsyncLifetime
{
    private TempFolder? _folder;

    /// <summary>This test's server.</summary>
    protected FakeOpenAIServer Server { get; private set; } = null!;

    /// <summary>A folder of this test's own (data, exports), created on first use and removed after the test.</summary>
    protected TempFolder Folder => _folder ??= new TempFolder();

    /// <summary>The test's cancellation token, cancelled when the test times out or the run is stopped.</summary>
    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>The configuration keys that point TimeVision's vision client at the server, with the key it accepts.</summary>
    protected (string Key, string Value)[] ServerSettings =>
        [("Vision:Endpoint", Server.BaseUrl.ToString()), ("Vision:ApiKey", FakeOpenAIServer.ApiKey)];

    /// <summary>The environment a <c>timevision</c> process needs to use the server: its URL and the key it accepts.</summary>
    protected Dictionary<string, string?> ServerEnvironment => new()
    {
        ["OPENAI_API_KEY"] = FakeOpenAIServer.ApiKey,
        ["OPENAI_BASE_URL"] = Server.BaseUrl.ToString(),
    };

    /// <inheritdoc />
    public virtual async ValueTask InitializeAsync() => Server = await FakeOpenAIServer.StartAsync();

    /// <summary>Fails the test if any request broke the API's rules, stops the server and removes the folder.</summary>
    public virtual async ValueTask DisposeAsync()
    {
        try
        {
            Assert.Empty(Server.Violations);
        }
        finally
        {
            await Server.DisposeAsync();
            _folder?.Dispose();
            GC.SuppressFinalize(this);
        }
    }

    /// <summary>
    /// Puts a fresh server in place of this one and stops the old one without checking it: for a test that broke the
    /// rules on purpose and has asserted so, or that needs an address where nothing listens any more.
    /// </summary>
    protected async Task ReplaceServerAsync()
    {
        var discarded = Server;
        Server = await FakeOpenAIServer.StartAsync();
        await discarded.DisposeAsync();
    }
}
