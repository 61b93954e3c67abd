using System.Net.Http.Json;
using System.Text.Json;
using TimeVision.Testing;
using TimeVision.Testing.FakeOpenAI;
using static Microsoft.Playwright.Assertions;

namespace TimeVision.Web.Tests;

/// <summary>
/// The list of documents: newest first, filters, soft delete and restore, the documents still running. The class's
/// tests share one serve, so each names its files with a tag of its own and filters by it.
/// </summary>
public sealed class ListTests(BrowserFixture browser, PageServer server) : PageTestBase(browser, server), IClassFixture<PageServer>
{
    private readonly string _tag = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task The_list_is_newest_first_and_filters_by_text_and_status_and_a_restored_document_is_back_on_it()
    {
        await EstimateAsync(Folder.Write("flange.pdf", TestPdfs.WithPages(1)), $"flange-A-{_tag}.pdf");
        await EstimateAsync(Folder.Write("shaft.pdf", TestPdfs.WithPages(2)), $"shaft-B-{_tag}.pdf");
        var bracket = await EstimateAsync(Folder.Write("bracket.pdf", TestPdfs.WithPages(3)), $"bracket-C-{_tag}.pdf");
        await OpenAsync();

        await FilterAsync(_tag);
        await Expect(FileCells()).ToHaveTextAsync([$"bracket-C-{_tag}.pdf", $"shaft-B-{_tag}.pdf", $"flange-A-{_tag}.pdf"]);

        await FilterAsync($"FLANGE-A-{_tag}");
        await Expect(FileCells()).ToHaveTextAsync([$"flange-A-{_tag}.pdf"]);

        // Every part the fake model answered is a "Motor Shaft" numbered ODRI-MS-01: the text matches part names and numbers too.
        await FilterAsync("odri-ms");
        await Expect(FileCells().Filter(new() { HasText = _tag })).ToHaveCountAsync(3);

        await Page.SelectOptionAsync("#filter-status", "failed");
        await FilterAsync(_tag);
        await Expect(Page.Locator(".list")).ToContainTextAsync("Žádné dokumenty.");

        using var deleted = await Http.DeleteAsync(new Uri($"api/estimates/{bracket}", UriKind.Relative), Token);
        deleted.EnsureSuccessStatusCode();
        await Page.SelectOptionAsync("#filter-status", string.Empty);
        await FilterAsync(_tag);
        await Expect(FileCells()).ToHaveTextAsync([$"shaft-B-{_tag}.pdf", $"flange-A-{_tag}.pdf"]);

        await Page.CheckAsync("#filter-deleted");
        await FilterAsync(_tag);
        await Expect(FileCells()).ToHaveTextAsync([$"bracket-C-{_tag}.pdf"]);
        await Page.ClickAsync(".list tbody button:text('Obnovit')");

        await Expect(Page.Locator("#toast")).ToContainTextAsync($"Dokument „bracket-C-{_tag}.pdf“ je obnoven.");
        await Expect(Page.Locator("#filter-deleted")).Not.ToBeCheckedAsync();
        await Expect(FileCells()).ToHaveTextAsync([$"bracket-C-{_tag}.pdf", $"shaft-B-{_tag}.pdf", $"flange-A-{_tag}.pdf"]);
        var list = await Http.GetFromJsonAsync<JsonElement>(new Uri($"api/estimates?q={_tag}", UriKind.Relative), Token);
        Assert.Equal(3, list.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_document_deleted_from_its_view_says_so_can_be_restored_at_once_and_its_files_can_then_be_purged()
    {
        var id = await EstimateAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), $"customer-{_tag}.pdf");
        await OpenAsync($"estimates/{id}");
        Page.Dialog += (_, dialog) => dialog.AcceptAsync();

        await Page.ClickAsync("button:text('Smazat')");

        await Expect(Page.Locator("#toast")).ToContainTextAsync($"Dokument „customer-{_tag}.pdf“ je smazán.");
        await Expect(Page.Locator("#list")).Not.ToContainTextAsync($"customer-{_tag}.pdf");
        await Page.ClickAsync("#toast button:text('Obnovit')");
        await Expect(Page.Locator("h1")).ToHaveTextAsync($"customer-{_tag}.pdf");
        await Expect(Page.Locator(".toolbar")).Not.ToContainTextAsync("Dokument je smazán");

        await Page.ClickAsync("button:text('Smazat')");
        await Expect(Page.Locator("#toast")).ToContainTextAsync("je smazán.");
        await OpenAsync($"estimates/{id}");
        await Expect(Page.Locator(".notice")).ToContainTextAsync("Dokument je smazán");

        // The admin's purge (serve on loopback: this PC's user is the admin) removes the drawing for good.
        await Page.ClickAsync("button:text('Smazat soubory natrvalo (správce)')");
        await Expect(Page.Locator(".notice")).ToContainTextAsync("PDF a obrázky stran jsou natrvalo smazány.");
        using var image = await Http.GetAsync(new Uri($"api/estimates/{id}/pages/1/image", UriKind.Relative), Token);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, image.StatusCode);
    }

    [Fact]
    public async Task The_list_shows_part_names_and_drawing_numbers_and_filters_by_part_of_a_model_id_and_by_refused_pages()
    {
        await EstimateAsync(Folder.Write("plain.pdf", TestPdfs.WithPages(1)), $"plain-{_tag}.pdf");
        Server.Fallback = _ => new FakeReply.Refusal("I cannot help with that.");
        await EstimateAsync(Folder.Write("refused.pdf", TestPdfs.WithPages(1)), $"refused-{_tag}.pdf");
        await OpenAsync();

        await Expect(Page.Locator("#filter-status option")).ToHaveTextAsync(["vše", "hotovo", "částečně", "selhalo", "odmítnuto modelem", "běží"]);
        await Page.FillAsync("#filter-model", "gpt-4o");
        await FilterAsync(_tag);
        await Expect(FileCells()).ToHaveTextAsync([$"plain-{_tag}.pdf"]);
        await Expect(Page.Locator(".list tbody td[data-label='Název dílu']")).ToHaveTextAsync(["Motor Shaft"]);
        await Expect(Page.Locator(".list tbody td[data-label='Číslo výkresu']")).ToHaveTextAsync(["ODRI-MS-01"]);

        await Page.FillAsync("#filter-model", string.Empty);
        await Page.SelectOptionAsync("#filter-status", "blocked");
        await FilterAsync(_tag);
        await Expect(FileCells()).ToHaveTextAsync([$"refused-{_tag}.pdf"]);
        await Expect(Page.Locator(".list tbody .badge")).ToHaveTextAsync(["selhalo"]);
    }

    [Fact]
    public async Task Documents_uploaded_together_stand_running_at_the_top_and_the_list_follows_them_until_each_is_done()
    {
        var release = new TaskCompletionSource();
        Server.Fallback = _ => new FakeReply.Content(SampleEstimates.ShaftJson()) { HeldUntil = release.Task };
        await OpenAsync();
        string[] files =
        [
            Serve.UniqueCopy(Folder.Write("one.pdf", TestPdfs.WithPages(1)), $"first-{_tag}.pdf"),
            Serve.UniqueCopy(Folder.Write("two.pdf", TestPdfs.WithPages(2)), $"second-{_tag}.pdf"),
        ];

        await Page.SetInputFilesAsync("#files", files);

        var running = Page.Locator(".list tbody tr.running");
        await Expect(running).ToHaveCountAsync(2);
        await Expect(running.Locator(".badge")).ToHaveTextAsync(["běží", "běží"]);
        await Expect(Page.Locator("#uploads li")).ToHaveCountAsync(2);
        await Expect(Page.Locator("#uploads li").First).ToContainTextAsync("odhaduje se");
        await Page.SelectOptionAsync("#filter-status", "running");
        await FilterAsync(_tag);
        await Expect(Page.Locator(".list tbody tr")).ToHaveCountAsync(2);
        await Expect(running).ToHaveCountAsync(2);
        await Page.SelectOptionAsync("#filter-status", string.Empty);
        await FilterAsync(string.Empty);

        release.SetResult();

        await Expect(running).ToHaveCountAsync(0);
        await Expect(Page.Locator(".list tbody tr", new() { HasText = $"first-{_tag}.pdf" }).Locator(".badge")).ToHaveTextAsync("hotovo");
        await Expect(Page.Locator(".list tbody tr", new() { HasText = $"second-{_tag}.pdf" }).Locator("td[data-label='Minuty']")).ToHaveTextAsync("2,40 min");
        await Expect(Page.Locator("#uploads li", new() { HasText = $"first-{_tag}.pdf" })).ToContainTextAsync("hotovo · 2,40 min");
    }

    private Microsoft.Playwright.ILocator FileCells() => Page.Locator(".list tbody tr td:first-child");

    private async Task FilterAsync(string text)
    {
        await Page.FillAsync("#filter-q", text);
        await Page.ClickAsync("form[role='search'] button[type='submit']");
    }
}
