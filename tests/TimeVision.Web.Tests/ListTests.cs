using System.Net.Http.Json;
using System.Text.Json;
using TimeVision.Testing;
using static Microsoft.Playwright.Assertions;

namespace TimeVision.Web.Tests;

/// <summary>The list of documents: newest first, filters, soft delete and restore.</summary>
public sealed class ListTests(BrowserFixture browser) : PageTestBase(browser)
{
    [Fact]
    public async Task The_list_is_newest_first_and_filters_by_text_and_status_and_shows_deleted_ones_to_restore()
    {
        await EstimateAsync(Folder.Write("flange.pdf", TestPdfs.WithPages(1)), "flange-A.pdf");
        await EstimateAsync(Folder.Write("shaft.pdf", TestPdfs.WithPages(2)), "shaft-B.pdf");
        var bracket = await EstimateAsync(Folder.Write("bracket.pdf", TestPdfs.WithPages(3)), "bracket-C.pdf");
        await OpenAsync();

        await Expect(Page.Locator(".list tbody tr td:first-child")).ToHaveTextAsync(["bracket-C.pdf", "shaft-B.pdf", "flange-A.pdf"]);

        await Page.FillAsync("#filter-q", "FLANGE");
        await Page.ClickAsync("form[role='search'] button[type='submit']");
        await Expect(Page.Locator(".list tbody tr td:first-child")).ToHaveTextAsync(["flange-A.pdf"]);

        // Every part the fake model answered is a "Motor Shaft" numbered ODRI-MS-01: the text matches part names and numbers too.
        await Page.FillAsync("#filter-q", "odri-ms");
        await Page.ClickAsync("form[role='search'] button[type='submit']");
        await Expect(Page.Locator(".list tbody tr")).ToHaveCountAsync(3);

        await Page.FillAsync("#filter-q", string.Empty);
        await Page.SelectOptionAsync("#filter-status", "failed");
        await Page.ClickAsync("form[role='search'] button[type='submit']");
        await Expect(Page.Locator(".list")).ToContainTextAsync("Žádné dokumenty.");

        using var deleted = await Http.DeleteAsync(new Uri($"api/estimates/{bracket}", UriKind.Relative), Token);
        deleted.EnsureSuccessStatusCode();
        await Page.SelectOptionAsync("#filter-status", string.Empty);
        await Page.ClickAsync("form[role='search'] button[type='submit']");
        await Expect(Page.Locator(".list tbody tr td:first-child")).ToHaveTextAsync(["shaft-B.pdf", "flange-A.pdf"]);

        await Page.CheckAsync("#filter-deleted");
        await Page.ClickAsync("form[role='search'] button[type='submit']");
        await Expect(Page.Locator(".list tbody tr td:first-child")).ToHaveTextAsync(["bracket-C.pdf"]);
        await Page.ClickAsync(".list tbody button:text('Obnovit')");
        await Expect(Page.Locator(".list")).ToContainTextAsync("Žádné dokumenty.");
        var list = await Http.GetFromJsonAsync<JsonElement>(new Uri("api/estimates", UriKind.Relative), Token);
        Assert.Equal(3, list.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_document_deleted_from_its_view_leaves_the_list_and_its_files_can_then_be_purged()
    {
        var id = await EstimateAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), "customer.pdf");
        await OpenAsync($"estimates/{id}");
        Page.Dialog += (_, dialog) => dialog.AcceptAsync();

        await Page.ClickAsync("button:text('Smazat')");

        await Expect(Page.Locator(".list")).ToContainTextAsync("Žádné dokumenty.");
        await OpenAsync($"estimates/{id}");
        await Expect(Page.Locator(".notice")).ToContainTextAsync("Dokument je smazán");

        // The admin's purge (serve on loopback: this PC's user is the admin) removes the drawing for good.
        await Page.ClickAsync("button:text('Smazat soubory natrvalo (správce)')");
        await Expect(Page.Locator(".notice")).ToContainTextAsync("PDF a obrázky stran jsou natrvalo smazány.");
        using var image = await Http.GetAsync(new Uri($"api/estimates/{id}/pages/1/image", UriKind.Relative), Token);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, image.StatusCode);
    }
}
