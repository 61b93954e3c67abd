using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(TimeVision.Web.Tests.BrowserFixture))]

namespace TimeVision.Web.Tests;

/// <summary>
/// One headless Chromium for all the page's tests (an assembly fixture): Debian's <c>/usr/bin/chromium</c> (installed
/// by tests/run.sh), driven by Playwright. Playwright's own browser download is never used. The test classes run in
/// parallel, each test in a browser context, a serve and a data folder of its own.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Where Debian's package puts Chromium.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium package (apt-get install -y chromium), as tests/run.sh does.");
        }

        // A loaded CI machine is slow to paint; the page's own waits are on conditions, never on time.
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
