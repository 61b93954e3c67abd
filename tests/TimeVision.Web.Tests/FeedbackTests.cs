using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TimeVision.Testing;
using static Microsoft.Playwright.Assertions;

namespace TimeVision.Web.Tests;

/// <summary>
/// The expert's adjustment and the real shop time, saved with the document's ETag; a conflict loses nothing. A saved
/// adjustment is the document's total on the page and in the list (issue 30, defect 2).
/// </summary>
public sealed class FeedbackTests(BrowserFixture browser, PageServer server) : PageTestBase(browser, server), IClassFixture<PageServer>
{
    [Fact]
    public async Task An_edited_operation_is_saved_as_expert_feedback_with_per_operation_times()
    {
        var id = await EstimateAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), "shaft.pdf");
        await OpenAsync($"estimates/{id}");

        await Page.FillAsync("input[name='min-0']", "1,5");
        await Page.ClickAsync("#adjust >> text=Přidat operaci");
        await Page.FillAsync("input[name='op-3']", "Odjehlení");
        await Page.FillAsync("input[name='min-3']", "0,4");
        await Page.ClickAsync("button[aria-label='Odebrat 2']");
        await Page.FillAsync("#adjust-who", "Jana Nováková");
        await Expect(Page.Locator("#adjust-total")).ToHaveTextAsync("Celkem: 2,20 min");
        await Page.ClickAsync("#adjust button[type='submit']");

        await Expect(Page.Locator("#toast")).ToContainTextAsync("Uloženo.");
        await Expect(Page.Locator("#entries tbody tr")).ToContainTextAsync("expert");
        var feedback = Assert.Single(Feedback(await DocumentAsync(id)));
        Assert.Equal("expert", feedback.GetProperty("source").GetString());
        Assert.Equal(2.2, feedback.GetProperty("actualMinutes").GetDouble(), 6);
        Assert.Equal("Jana Nováková", feedback.GetProperty("enteredBy").GetString());
        Assert.Equal(
            [("Soustružení čela a průměru", 1.5), ("Upíchnutí a sražení", 0.3), ("Odjehlení", 0.4)],
            feedback.GetProperty("operations").EnumerateArray().Select(o => (o.GetProperty("operation").GetString(), o.GetProperty("minutes").GetDouble())));
    }

    [Fact]
    public async Task A_saved_adjustment_is_the_total_on_the_page_and_in_the_list_and_the_form_keeps_it_the_name_and_the_place()
    {
        var id = await EstimateAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), "adjusted.pdf");
        await OpenAsync($"estimates/{id}");
        await Expect(Page.Locator("#document-total")).ToHaveTextAsync(await CurrentFigureTextAsync(id));
        var estimate = await Page.Locator("#headline").InnerTextAsync();

        await Page.FillAsync("input[name='min-1']", "7,5");
        await Page.FillAsync("#adjust-who", "Jana Nováková");
        await Page.Locator("#adjust button[type='submit']").ScrollIntoViewIfNeededAsync();
        var scrolled = await Page.EvaluateAsync<double>("() => window.scrollY");
        await Page.ClickAsync("#adjust button[type='submit']");

        await Expect(Page.Locator("#toast")).ToContainTextAsync("Uloženo.");
        await Expect(Page.Locator("#document-total")).ToHaveTextAsync("8,70 min");
        await Expect(Page.Locator("#document-total-source")).ToHaveTextAsync("podle: úprava experta");
        await Expect(Page.Locator("#headline")).ToHaveTextAsync(estimate);
        await Expect(Page.Locator("#other-number")).ToHaveTextAsync("model: 2,40 min");
        await Expect(Page.Locator("input[name='min-1']")).ToHaveValueAsync("7,50");
        await Expect(Page.Locator("#adjust-who")).ToHaveValueAsync("Jana Nováková");
        Assert.InRange(await Page.EvaluateAsync<double>("() => window.scrollY"), scrolled - 40, scrolled + 40);

        await Page.FillAsync("#actual-minutes", "12,5");
        await Page.ClickAsync("#actual button[type='submit']");
        await Expect(Page.Locator("#figure-actual")).ToHaveTextAsync("12,50 min");
        await Expect(Page.Locator("#document-total")).ToHaveTextAsync("8,70 min");
        await Expect(Page.Locator("#actual-who")).ToHaveValueAsync("Jana Nováková");

        await OpenAsync();
        await Expect(Page.Locator(".list tbody tr", new() { HasText = "adjusted.pdf" }).Locator("td[data-label='Minuty']")).ToHaveTextAsync("8,70 min");
    }

    [Fact]
    public async Task The_real_shop_time_is_saved_as_actual_and_listed_with_who_entered_it()
    {
        var id = await EstimateAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), "shaft.pdf");
        await OpenAsync($"estimates/{id}");

        await Page.FillAsync("#actual-minutes", "12,5");
        await Page.FillAsync("#actual-who", "Petr Dvořák");
        await Page.ClickAsync("#actual button[type='submit']");

        await Expect(Page.Locator("#toast")).ToContainTextAsync("Uloženo.");
        await Expect(Page.Locator("#entries tbody tr")).ToContainTextAsync("12,50");
        await Expect(Page.Locator("#entries tbody tr")).ToContainTextAsync("Petr Dvořák");
        await Expect(Page.Locator("#entries tbody tr")).ToContainTextAsync("skutečnost");
        var feedback = Assert.Single(Feedback(await DocumentAsync(id)));
        Assert.Equal("actual", feedback.GetProperty("source").GetString());
        Assert.Equal(12.5, feedback.GetProperty("actualMinutes").GetDouble());
    }

    [Fact]
    public async Task A_conflict_shows_the_newer_version_overwrites_nothing_and_keeps_what_was_typed()
    {
        var id = await EstimateAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), "shaft.pdf");
        await OpenAsync($"estimates/{id}");
        await Expect(Page.Locator("#document-total")).ToHaveTextAsync(await CurrentFigureTextAsync(id));

        // Someone else records a real time after the page read the document.
        var (_, etag) = await DocumentAsync(id);
        using var other = new HttpRequestMessage(HttpMethod.Put, $"api/estimates/{id}/feedback")
        {
            Content = JsonContent.Create(new { source = "actual", actualMinutes = 7, enteredBy = "Druhá směna" }),
            Headers = { IfMatch = { new System.Net.Http.Headers.EntityTagHeaderValue(etag) } },
        };
        using var saved = await Http.SendAsync(other, Token);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        await Page.FillAsync("input[name='min-0']", "5");
        await Page.ClickAsync("#adjust button[type='submit']");

        await Expect(Page.Locator("#toast")).ToContainTextAsync("Dokument mezitím změnil někdo jiný");
        await Expect(Page.Locator("#entries tbody tr")).ToContainTextAsync("Druhá směna");
        await Expect(Page.Locator("input[name='min-0']")).ToHaveValueAsync("5");
        Assert.Equal(["actual"], Feedback(await DocumentAsync(id)).Select(f => f.GetProperty("source").GetString()));

        await Page.ClickAsync("#adjust button[type='submit']");
        await Expect(Page.Locator("#toast")).ToContainTextAsync("Uloženo.");
        Assert.Equal(["actual", "expert"], Feedback(await DocumentAsync(id)).Select(f => f.GetProperty("source").GetString()));
    }

    private static List<JsonElement> Feedback((JsonElement Document, string ETag) stored) =>
        stored.Document.TryGetProperty("feedback", out var feedback) && feedback.ValueKind == JsonValueKind.Array ? [.. feedback.EnumerateArray()] : [];
}
