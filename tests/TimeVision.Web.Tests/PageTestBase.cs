using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using TimeVision.Cli.Serve;
using TimeVision.Testing.FakeOpenAI;

namespace TimeVision.Web.Tests;

/// <summary>
/// A test of the page: its own fake model, its own <c>timevision serve</c> (in process, on a free loopback port, with
/// a data folder of its own) and its own browser context at 1280×800.
/// </summary>
public abstract class PageTestBase(BrowserFixture browser) : FakeOpenAITestBase
{
    /// <summary>Where the screenshots go: a folder beside the test assembly, kept after the run as a CI artefact.</summary>
    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "web-screenshots");

    private ServeHost Serve { get; set; } = null!;

    /// <summary>Where this test's serve listens.</summary>
    protected Uri Address => Serve.Address;

    protected IBrowserContext Context { get; private set; } = null!;

    protected IPage Page { get; private set; } = null!;

    protected HttpClient Http { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Server.Fallback = SampleEstimates.Reply;
        Serve = await ServeHost.StartAsync(
            new ServeSettings(IPAddress.Loopback, 0, Token: null),
            new Dictionary<string, string?>
            {
                ["Vision:Endpoint"] = Server.BaseUrl.ToString(),
                ["Vision:ApiKey"] = FakeOpenAIServer.ApiKey,
                ["Storage:DataDirectory"] = Path.Combine(Folder.Path, "data"),
            },
            Token);
        Http = new HttpClient { BaseAddress = Serve.Address };
        Context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        Page = await Context.NewPageAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        Http.Dispose();
        await Serve.DisposeAsync();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected Task<IResponse?> OpenAsync(string path = "") => Page.GotoAsync(new Uri(Serve.Address, path).ToString());

    /// <summary>Posts a PDF through the API and waits (at most 60 s) until its estimate is stored; its id.</summary>
    protected async Task<string> EstimateAsync(string pdfPath, string name)
    {
        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(pdfPath, Token));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var posted = await Http.PostAsync(new Uri($"api/estimates?name={Uri.EscapeDataString(name)}", UriKind.Relative), content, Token);
        posted.EnsureSuccessStatusCode();
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetString()!;
        await DocumentAsync(id);
        return id;
    }

    /// <summary>The stored document and its ETag, once it is stored (at most 60 s).</summary>
    protected async Task<(JsonElement Document, string ETag)> DocumentAsync(string id)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
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

    /// <summary>Saves a screenshot of the whole page at the current viewport as a test artefact.</summary>
    protected async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name), FullPage = false });
    }
}
