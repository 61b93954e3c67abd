using System.Net;
using System.Net.Http.Json;
using TimeVision.Testing;
using static Microsoft.Playwright.Assertions;

namespace TimeVision.Web.Tests;

/// <summary>The most similar labelled past parts beside a document: a class of its own, so no other test's labels are among them.</summary>
public sealed class SimilarPartsTests(BrowserFixture browser, PageServer server) : PageTestBase(browser, server), IClassFixture<PageServer>
{
    [Fact]
    public async Task A_document_shows_the_most_similar_labelled_past_part_with_its_real_time_and_never_itself()
    {
        var past = await EstimateAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), "past-shaft.pdf");
        var (_, etag) = await DocumentAsync(past);
        using var label = new HttpRequestMessage(HttpMethod.Put, $"api/estimates/{past}/feedback")
        {
            Content = JsonContent.Create(new { source = "actual", actualMinutes = 12.5, enteredBy = "Dílna" }),
            Headers = { IfMatch = { new System.Net.Http.Headers.EntityTagHeaderValue(etag) } },
        };
        using var saved = await Http.SendAsync(label, Token);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var current = await EstimateAsync(RepositoryPaths.Sample("edocr-adapterplatte.pdf"), "new-plate.pdf");

        await OpenAsync($"estimates/{current}");

        var panel = Page.Locator("section[aria-labelledby='history-title']");
        await Expect(panel).ToBeVisibleAsync();
        await Expect(panel.Locator("li")).ToHaveCountAsync(1);
        await Expect(panel.Locator("li")).ToContainTextAsync("skutečný čas 12,50 min");
        Assert.Equal($"/estimates/{past}", await panel.Locator("li a").GetAttributeAsync("href"));

        // The labelled document itself lists no neighbour: it is never its own, and it is the only labelled one.
        await OpenAsync($"estimates/{past}");
        await Expect(Page.Locator("#document-total")).ToBeVisibleAsync();
        await Expect(Page.Locator("section[aria-labelledby='history-title']")).ToBeHiddenAsync();
    }
}
