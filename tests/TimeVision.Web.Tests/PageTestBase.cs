using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using TimeVision.Testing;
using TimeVision.Testing.FakeOpenAI;

namespace TimeVision.Web.Tests;

/// <summary>
/// A test of the page: the class's <c>timevision serve</c> and fake model (<see cref="PageServer"/>, shared by the
/// class's tests) and a browser context of its own at 1280×800, so cookies, storage and routes never leak between tests.
/// </summary>
public abstract class PageTestBase(BrowserFixture browser, PageServer server) : IAsyncLifetime
{
    /// <summary>Where the screenshots go: a folder beside the test assembly, kept after the run as a CI artefact.</summary>
    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "web-screenshots");

    /// <summary>The test's cancellation token, cancelled when the test times out or the run is stopped.</summary>
    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>The class's fake model, answering the shaft unless the test says otherwise.</summary>
    protected FakeOpenAIServer Server => server.Model;

    /// <summary>The class's serve.</summary>
    protected PageServer Serve => server;

    /// <summary>Where serve listens.</summary>
    protected Uri Address => server.Address;

    /// <summary>A client of serve's API.</summary>
    protected HttpClient Http => server.Http;

    /// <summary>The class's folder, for PDFs a test writes.</summary>
    protected TempFolder Folder => server.Folder;

    protected IBrowserContext Context { get; private set; } = null!;

    protected IPage Page { get; private set; } = null!;

    public virtual async ValueTask InitializeAsync()
    {
        server.Model.Fallback = PageServer.ShaftReply;
        Context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        Page = await Context.NewPageAsync();
    }

    public virtual async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected Task<IResponse?> OpenAsync(string path = "") => Page.GotoAsync(new Uri(Address, path).ToString());

    /// <summary>Estimates a copy of <paramref name="pdfPath"/> that no other test has (<see cref="PageServer.UniqueCopy"/>); its id.</summary>
    protected Task<string> EstimateAsync(string pdfPath, string name) => server.EstimateAsync(server.UniqueCopy(pdfPath), name, Token);

    /// <summary>The shaft the class's tests only read, estimated once; its id.</summary>
    protected Task<string> SharedShaftAsync() => server.SharedShaftAsync(Token);

    /// <summary>The stored document and its ETag, once it is stored (at most 60 s).</summary>
    protected Task<(JsonElement Document, string ETag)> DocumentAsync(string id) => server.DocumentAsync(id, Token);

    /// <summary>
    /// The document's current figure (<c>figures.current</c>, the engine's or the model's as its headline says) as the
    /// page writes it in <paramref name="language"/>: two decimals and "min".
    /// </summary>
    protected async Task<string> CurrentFigureTextAsync(string id, string language = "cs")
    {
        var (document, _) = await DocumentAsync(id);
        return MinutesText(document.GetProperty("figures").GetProperty("current").GetDouble(), language);
    }

    /// <summary>
    /// Minutes below a thousand as the page writes them in <paramref name="language"/> ("2,40 min", "2.40 min"); by hand,
    /// since the tests run without the cultures' data (globalization-invariant mode).
    /// </summary>
    protected static string MinutesText(double minutes, string language = "cs")
    {
        var text = minutes.ToString("0.00", CultureInfo.InvariantCulture);
        return (language == "cs" ? text.Replace('.', ',') : text) + " min";
    }

    /// <summary>Saves a screenshot of the page at the current viewport as a test artefact.</summary>
    protected async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name), FullPage = false });
    }
}
