using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using TimeVision.Testing;
using static Microsoft.Playwright.Assertions;

namespace TimeVision.Web.Tests;

/// <summary>
/// The document as an estimator works on it: the forms beside the drawing, the facts checklist kept on the server with
/// who ticked what, and a page that says so when one of its scripts fails to load.
/// </summary>
public sealed class DocumentWorkspaceTests(BrowserFixture browser, PageServer server) : PageTestBase(browser, server), IClassFixture<PageServer>
{
    [Fact]
    public async Task The_adjustment_form_stands_beside_the_drawing_and_its_hint_points_at_the_answer_above_it()
    {
        await OpenAsync($"estimates/{await SharedShaftAsync()}");
        var drawing = await Page.Locator(".viewer").BoundingBoxAsync();

        await Page.Locator("#adjust").ScrollIntoViewIfNeededAsync();

        var form = (await Page.Locator("#adjust").BoundingBoxAsync())!;
        var stage = (await Page.Locator(".viewer .stage").BoundingBoxAsync())!;
        Assert.True(form.X >= drawing!.X + drawing.Width, $"the form starts at x={form.X}, left of the drawing's right edge {drawing.X + drawing.Width}");
        Assert.True(stage.Y < 800 && stage.Y + stage.Height > 0, $"the drawing is out of sight (y={stage.Y}) while the form is in view");
        await Expect(Page.Locator("section[aria-labelledby='adjust-title'] .hint")).ToContainTextAsync("výše");
        await Expect(Page.Locator("section[aria-labelledby='adjust-title'] .hint")).Not.ToContainTextAsync("vlevo");
    }

    [Fact]
    public async Task The_checklist_names_the_title_block_and_the_part_size_and_keeps_each_tick_with_who_made_it()
    {
        var id = await EstimateAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), "checked.pdf");
        await OpenAsync($"estimates/{id}");
        var facts = Page.Locator("#facts");
        await Expect(facts.Locator("label", new() { HasText = "Číslo výkresu:" })).ToHaveCountAsync(1);
        await Expect(facts.Locator("label", new() { HasText = "Název dílu:" })).ToHaveCountAsync(1);
        await Expect(facts.Locator("label", new() { HasText = "Rozměr (Díl 1): ø4 × 33,4 mm" })).ToHaveCountAsync(1);
        await Page.EvaluateAsync("() => localStorage.setItem('timevision.enteredBy', 'Petr Dvořák')");

        await facts.Locator("input[name='part1.size']").CheckAsync();
        await Expect(facts.Locator("label", new() { HasText = "Rozměr" }).Locator(".by")).ToContainTextAsync("Petr Dvořák");
        await facts.Locator("input[name='p1.material']").CheckAsync();
        await facts.Locator("input[name='p1.material']").UncheckAsync();
        await Expect(facts.Locator("input[name='p1.material']")).ToBeEnabledAsync();
        await Page.ReloadAsync();

        await Expect(Page.Locator("#facts input[name='part1.size']")).ToBeCheckedAsync();
        await Expect(Page.Locator("#facts input[name='p1.material']")).Not.ToBeCheckedAsync();
        await Expect(Page.Locator("#facts label", new() { HasText = "Rozměr" }).Locator(".by")).ToContainTextAsync("zkontroloval(a) Petr Dvořák");
        var stored = await Http.GetFromJsonAsync<JsonElement>(new Uri($"api/estimates/{id}/checklist", UriKind.Relative), Token);
        var size = stored.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("item").GetString() == "part1.size");
        Assert.Equal("Petr Dvořák", size.GetProperty("by").GetString());
        Assert.True(size.GetProperty("checked").GetBoolean());
    }

    [Fact]
    public async Task A_script_that_fails_to_load_leaves_a_message_and_a_reload_button_not_a_blank_page()
    {
        await Page.RouteAsync("**/assets/list.js", route => route.FulfillAsync(new RouteFulfillOptions { Status = 404, Body = "gone" }));

        await OpenAsync();

        var failure = Page.Locator("#boot-failure");
        await Expect(failure).ToContainTextAsync("Stránku se nepodařilo načíst.");
        await Expect(failure.Locator("button")).ToHaveTextAsync("Načíst znovu");
        await Page.UnrouteAsync("**/assets/list.js");
        await failure.Locator("button").ClickAsync();
        await Expect(Page.Locator("#list")).ToBeVisibleAsync();
    }
}
