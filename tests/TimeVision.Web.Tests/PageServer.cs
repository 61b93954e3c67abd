using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TimeVision.Cli.Serve;
using TimeVision.Testing;
using TimeVision.Testing.FakeOpenAI;

namespace TimeVision.Web.Tests;

/// <summary>
/// One <c>timevision serve</c> for a test class (a class fixture): in process, on a free loopback port, with a data
/// folder and a fake model of its own. The tests of a class run one after another and share it, so each makes the
/// documents it changes from a PDF of its own (<see cref="UniqueCopy"/>); the shaft every class reads is estimated once
/// (<see cref="SharedShaftAsync"/>). The fake model is checked for broken API rules when the class is done.
/// </summary>
public class PageServer : IAsyncLifetime
{
    private readonly SemaphoreSlim _sharedGate = new(1, 1);
    private ServeHost _serve = null!;
    private string? _sharedShaft;

    /// <summary>The fake model; a test sets its replies (<see cref="FakeOpenAIServer.Fallback"/>), and its start resets them.</summary>
    public FakeOpenAIServer Model { get; private set; } = null!;

    /// <summary>The class's folder: the data folder and the PDFs its tests write.</summary>
    public TempFolder Folder { get; } = new();

    /// <summary>Where serve listens.</summary>
    public Uri Address => _serve.Address;

    /// <summary>A client of serve's API.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>Where serve listens and what it asks of callers: loopback without tokens (the caller is the admin).</summary>
    private protected virtual ServeSettings Settings => new(IPAddress.Loopback, 0, Token: null);

    /// <summary>
    /// The reply every page gets unless a test says otherwise: the shaft, 2.4 min over three operations, with its
    /// features when the request asks for them (<see cref="SampleEstimates.Reply"/>).
    /// </summary>
    public static FakeReply ShaftReply(RecordedRequest request) => SampleEstimates.Reply(request);

    public async ValueTask InitializeAsync()
    {
        Model = await FakeOpenAIServer.StartAsync();
        Model.Fallback = ShaftReply;
        _serve = await ServeHost.StartAsync(
            Settings,
            new Dictionary<string, string?>
            {
                ["Vision:Endpoint"] = Model.BaseUrl.ToString(),
                ["Vision:ApiKey"] = FakeOpenAIServer.ApiKey,
                ["Storage:DataDirectory"] = Path.Combine(Folder.Path, "data"),
            },
            CancellationToken.None);
        Http = new HttpClient { BaseAddress = _serve.Address };
        Authorize(Http);
    }

    /// <summary>Lets <paramref name="client"/> through serve's token check, when it has one.</summary>
    protected virtual void Authorize(HttpClient client)
    {
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _serve.DisposeAsync();
        var violations = Model.Violations;
        await Model.DisposeAsync();
        Folder.Dispose();
        _sharedGate.Dispose();
        GC.SuppressFinalize(this);
        Assert.Empty(violations);
    }

    /// <summary>
    /// A copy of a PDF that is another document: the same pages with a comment after its end, so its id (the SHA-256)
    /// is new and nothing a test changes on it is seen by another test.
    /// </summary>
    /// <param name="pdfPath">The PDF.</param>
    /// <param name="fileName">The copy's file name in the class's folder (a new one of its own by default).</param>
    public string UniqueCopy(string pdfPath, string? fileName = null) =>
        Folder.Write(fileName ?? $"{Guid.NewGuid():N}.pdf", [.. File.ReadAllBytes(pdfPath), .. Encoding.ASCII.GetBytes($"\n%{Guid.NewGuid():N}\n")]);

    /// <summary>The shaft sample estimated once for the class, for tests that only read it; its id.</summary>
    public async Task<string> SharedShaftAsync(CancellationToken cancellationToken)
    {
        await _sharedGate.WaitAsync(cancellationToken);
        try
        {
            return _sharedShaft ??= await EstimateAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), "shaft.pdf", cancellationToken);
        }
        finally
        {
            _sharedGate.Release();
        }
    }

    /// <summary>Posts a PDF through the API and waits (at most 60 s) until its estimate is stored; its id.</summary>
    public async Task<string> EstimateAsync(string pdfPath, string name, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(pdfPath, cancellationToken));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var posted = await Http.PostAsync(new Uri($"api/estimates?name={Uri.EscapeDataString(name)}", UriKind.Relative), content, cancellationToken);
        posted.EnsureSuccessStatusCode();
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetString()!;
        await DocumentAsync(id, cancellationToken);
        return id;
    }

    /// <summary>The stored document and its ETag, once it is stored (at most 60 s).</summary>
    public async Task<(JsonElement Document, string ETag)> DocumentAsync(string id, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            using var answer = await Http.GetAsync(new Uri($"api/estimates/{id}", UriKind.Relative), deadline.Token);
            if (answer.StatusCode == HttpStatusCode.OK)
            {
                return (await answer.Content.ReadFromJsonAsync<JsonElement>(deadline.Token), answer.Headers.ETag!.Tag);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
        }
    }
}
