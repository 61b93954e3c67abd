using TimeVision.Testing;
using static Microsoft.Playwright.Assertions;

namespace TimeVision.Web.Tests;

/// <summary>The list and a document on a phone (nothing broken letter by letter, nothing wider than the screen), printing on A4, and the screenshots.</summary>
public sealed class PhoneAndPrintTests(BrowserFixture browser, PageServer server) : PageTestBase(browser, server), IClassFixture<PageServer>
{
    [Fact]
    public async Task On_a_phone_the_list_is_cards_whose_words_stay_whole_and_nothing_is_wider_than_the_screen()
    {
        var id = await SharedShaftAsync();
        await Page.SetViewportSizeAsync(390, 844);

        await OpenAsync();
        var link = Page.Locator(".list tbody").GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "shaft.pdf", Exact = true });
        await Expect(link).ToBeVisibleAsync();

        Assert.Equal(1, await link.EvaluateAsync<int>("a => a.getClientRects().length"));
        Assert.Equal(1, await Page.Locator(".list tbody .badge").First.EvaluateAsync<int>("b => b.getClientRects().length"));
        await Expect(Page.Locator(".list tbody td[data-label='Stav']").First).ToHaveCSSAsync("display", "grid");
        Assert.True(await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the list is wider than the phone");
        await OpenAsync($"estimates/{id}");
        await Expect(Page.Locator("#document-total")).ToHaveTextAsync(await CurrentFigureTextAsync(id));
        Assert.True(await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the document is wider than the phone");
    }

    [Fact]
    public async Task Printing_a_document_shows_the_drawing_the_figures_the_parts_and_the_quote_on_a4_without_the_controls()
    {
        await OpenAsync($"estimates/{await SharedShaftAsync()}");
        await Expect(Page.Locator("#document-total")).ToBeVisibleAsync();

        await Page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });

        await Expect(Page.Locator(".viewer img")).ToBeVisibleAsync();
        await Expect(Page.Locator("#document-total")).ToBeVisibleAsync();
        await Expect(Page.Locator(".part table")).ToBeVisibleAsync();
        await Expect(Page.Locator("#facts")).ToBeVisibleAsync();
        await Expect(Page.Locator("#quote-table")).ToBeVisibleAsync();
        foreach (var control in new[] { "header.top", "#adjust", "#actual", ".toolbar", ".viewer .tools", "#quote-form" })
        {
            await Expect(Page.Locator(control)).ToBeHiddenAsync();
        }

        var pageSize = await Page.EvaluateAsync<string>(
            "() => [...document.styleSheets].flatMap(s => [...s.cssRules]).find(r => r instanceof CSSPageRule)?.style.getPropertyValue('size') ?? ''");
        Assert.StartsWith("A4", pageSize, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Screenshots_of_the_list_and_a_document_at_desktop_and_phone_sizes()
    {
        var id = await EstimateAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), "odri-motor-shaft.pdf");
        await EstimateAsync(RepositoryPaths.Sample("edocr-adapterplatte.pdf"), "edocr-adapterplatte.pdf");

        var total = await CurrentFigureTextAsync(id);
        foreach (var (width, height) in new[] { (1280, 800), (390, 844) })
        {
            await Page.SetViewportSizeAsync(width, height);
            await OpenAsync();
            await Expect(Page.Locator(".list tbody tr", new() { HasText = "edocr-adapterplatte.pdf" })).ToHaveCountAsync(1);
            await ScreenshotAsync($"list-{width}x{height}.png");
            await OpenAsync($"estimates/{id}");
            await Expect(Page.Locator("#document-total")).ToHaveTextAsync(total);
            await Expect(Page.Locator(".facts fieldset")).ToHaveCountAsync(1);
            await Page.Locator(".viewer img").EvaluateAsync("img => img.decode()");
            await ScreenshotAsync($"document-{width}x{height}.png");
            Assert.True(width > 600 || await Page.Locator(".viewer .stage").EvaluateAsync<bool>("stage => stage.clientHeight <= stage.querySelector('img').clientHeight + 1"),
                "on a phone the viewer's stage is taller than its drawing");
        }

        var plate = await EstimateAsync(RepositoryPaths.Sample("edocr-adapterplatte.pdf"), "edocr-adapterplatte.pdf");
        foreach (var (width, height) in new[] { (1280, 800), (390, 844) })
        {
            await Page.SetViewportSizeAsync(width, height);
            await OpenAsync($"estimates/{plate}");
            await Expect(Page.Locator("#quote-table tbody tr")).ToHaveCountAsync(5);
            await Page.Locator("#routing tr.operation", new() { HasText = "vrtání a závity" }).Locator("button.expand").ClickAsync();
            await Page.Locator("#routing .line[data-outline='feature:t1']").FocusAsync();
            await Expect(Page.Locator(".viewer .outline.feature.hover")).ToHaveAttributeAsync("data-outline", "feature:t1");
            await Page.EvaluateAsync("() => window.scrollTo(0, 0)");
            await Page.Locator(".viewer img").EvaluateAsync("img => img.decode()");
            await ScreenshotDownToAsync($"document-plan-quote-{width}x{height}.png", "#quote");
        }

        Assert.Equal(6, Directory.GetFiles(ScreenshotFolder, "*-*x*.png").Length);
    }

    /// <summary>
    /// A full-page screenshot from the top of the page down to the bottom of <paramref name="last"/>: the drawing, the
    /// figures, the plan and the quote, with the part's card and the feedback forms between them left out of the picture.
    /// </summary>
    private async Task ScreenshotDownToAsync(string name, string last)
    {
        const string LeftOut = ".parts > .part, .parts > .shadow, .parts > section[aria-labelledby='adjust-title'], .parts > section[aria-labelledby='actual-title']";
        await Page.EvaluateAsync("selector => document.querySelectorAll(selector).forEach(e => { e.style.display = 'none'; })", LeftOut);
        var bottom = await Page.Locator(last).EvaluateAsync<double>("e => e.getBoundingClientRect().bottom + window.scrollY + 8");
        var width = await Page.EvaluateAsync<double>("() => document.documentElement.clientWidth");
        Directory.CreateDirectory(ScreenshotFolder);
        await Page.ScreenshotAsync(new()
        {
            Path = Path.Combine(ScreenshotFolder, name),
            FullPage = true,
            Clip = new() { X = 0, Y = 0, Width = (float)width, Height = (float)bottom },
        });
    }
}
