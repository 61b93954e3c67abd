using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TimeVision.Testing;
using TimeVision.Testing.FakeOpenAI;
using static Microsoft.Playwright.Assertions;

namespace TimeVision.Web.Tests;

/// <summary>Upload, live progress, the document view and its deep link, text shown as text, and the screenshots.</summary>
public sealed partial class UploadAndDocumentTests(BrowserFixture browser) : PageTestBase(browser)
{
    [Fact]
    public async Task An_uploaded_pdf_shows_its_progress_and_then_its_estimate()
    {
        var release = new TaskCompletionSource();
        Server.Fallback = _ => new FakeReply.Content(SampleEstimates.ShaftJson()) { HeldUntil = release.Task };
        await OpenAsync();

        await Page.SetInputFilesAsync("#files", RepositoryPaths.Sample("odri-motor-shaft.pdf"));

        await Expect(Page).ToHaveURLAsync(DocumentAddress());
        await Expect(Page.Locator("#progress")).ToBeVisibleAsync();
        await Expect(Page.Locator("#progress")).ToContainTextAsync("Vykresleno: 1 / 1");
        release.SetResult();
        await Expect(Page.Locator("#total")).ToHaveTextAsync("2,4 min");
        await Expect(Page.Locator("h1")).ToHaveTextAsync("odri-motor-shaft.pdf");
        await Expect(Page.Locator(".part table tbody tr")).ToHaveCountAsync(3);
        await Expect(Page.Locator("#answered-by")).ToHaveTextAsync("gpt-4o-2024-08-06");
        await Expect(Page.Locator("#headline")).ToHaveTextAsync(HeadlineText());   // the text layer's chamfer at high confidence: the engine heads
        await Expect(Page.Locator("#other-number")).ToHaveTextAsync("model: 2,4 min");
        await Page.Locator(".viewer img").EvaluateAsync("img => img.decode()");
        Assert.True(await Page.Locator(".viewer img").EvaluateAsync<int>("img => img.naturalWidth") > 0);
    }

    [Fact]
    public async Task Files_that_are_not_pdfs_are_refused_each_with_its_reason_while_the_others_go_in()
    {
        await OpenAsync();
        var notPdf = Path.Combine(Folder.Path, "notes.pdf");
        await File.WriteAllTextAsync(notPdf, "just text", Token);
        var pdf = Folder.Write("drawing.pdf", TestPdfs.WithPages(1));

        await Page.SetInputFilesAsync("#files", [notPdf, pdf]);

        await Expect(Page.Locator(".uploads li.error")).ToContainTextAsync("notes.pdf není PDF");
        await Expect(Page.Locator(".uploads li:not(.error)")).ToContainTextAsync("drawing.pdf");
        await Expect(Page.Locator(".uploads li:not(.error) a")).ToHaveTextAsync("Otevřít");
        var link = await Page.Locator(".uploads li:not(.error) a").GetAttributeAsync("href");
        await DocumentAsync(link!["/estimates/".Length..]);
    }

    [Fact]
    public async Task The_deep_link_opens_the_document_and_a_pdf_already_estimated_opens_at_once()
    {
        var id = await EstimateAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), "shaft.pdf");

        await OpenAsync($"estimates/{id}");
        await Expect(Page.Locator("h1")).ToHaveTextAsync("shaft.pdf");
        await Expect(Page.Locator("#total")).ToHaveTextAsync("2,4 min");

        await OpenAsync();
        await Page.SetInputFilesAsync("#files", RepositoryPaths.Sample("odri-motor-shaft.pdf"));
        await Expect(Page).ToHaveURLAsync(new Regex($"/estimates/{id}$"));
        await Expect(Page.Locator("#total")).ToHaveTextAsync("2,4 min");
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task A_reply_and_a_file_name_holding_markup_are_shown_as_text()
    {
        const string Markup = "<script>window.__xss = 1</script><img src=x onerror=\"window.__xss = 2\">";
        var reply = SampleEstimates.Shaft();
        reply["reasoning"] = Markup;
        reply["part_name"] = "<script>alert(1)</script>";
        reply["breakdown"]![0]!["operation"] = "<b>bold</b>";
        Server.Fallback = _ => new FakeReply.Content(reply.ToJsonString());
        const string FileName = "<script>window.__xss = 3<script>.pdf";
        var id = await EstimateAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), FileName);

        await OpenAsync($"estimates/{id}");

        await Expect(Page.Locator("h1")).ToHaveTextAsync(FileName);
        await Expect(Page.Locator(".reasoning")).ToContainTextAsync(Markup);
        await Expect(Page.Locator(".part h2")).ToHaveTextAsync("Díl 1: <script>alert(1)</script>");
        await Expect(Page.Locator(".part tbody tr").First).ToContainTextAsync("<b>bold</b>");
        await OpenAsync();
        await Expect(Page.Locator(".list tbody a")).ToHaveTextAsync(FileName);
        Assert.Equal(0, await Page.Locator("main script, main img[src='x'], main b").CountAsync());
        Assert.Null(await Page.EvaluateAsync<int?>("() => window.__xss ?? null"));
    }

    [Fact]
    public async Task Screenshots_of_the_list_and_a_document_at_desktop_and_phone_sizes()
    {
        var id = await EstimateAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), "odri-motor-shaft.pdf");
        await EstimateAsync(RepositoryPaths.Sample("edocr-adapterplatte.pdf"), "edocr-adapterplatte.pdf");

        foreach (var (width, height) in new[] { (1280, 800), (390, 844) })
        {
            await Page.SetViewportSizeAsync(width, height);
            await OpenAsync();
            await Expect(Page.Locator(".list tbody tr")).ToHaveCountAsync(2);
            await ScreenshotAsync($"list-{width}x{height}.png");
            await OpenAsync($"estimates/{id}");
            await Expect(Page.Locator("#total")).ToHaveTextAsync("2,4 min");
            await Expect(Page.Locator(".facts fieldset")).ToHaveCountAsync(1);
            await Page.Locator(".viewer img").EvaluateAsync("img => img.decode()");
            await ScreenshotAsync($"document-{width}x{height}.png");
        }

        Assert.Equal(4, Directory.GetFiles(ScreenshotFolder, "*-*x*.png").Length);
    }

    private Regex DocumentAddress() => new($"^{Regex.Escape(Address.ToString())}estimates/[0-9a-f]{{64}}$");

    [GeneratedRegex(@"^výpočet z technologie: \d+(,\d+)? min na kus \+ \d+(,\d+)? min seřízení na dávku$")]
    private static partial Regex HeadlineText();
}
