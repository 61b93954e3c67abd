using Deque.AxeCore.Playwright;
using TimeVision.Testing;
using static Microsoft.Playwright.Assertions;

namespace TimeVision.Web.Tests;

/// <summary>Czech by default, English on a switch, numbers in the locale; axe finds nothing serious or critical.</summary>
public sealed class LanguageAndAccessibilityTests(BrowserFixture browser) : PageTestBase(browser)
{
    [Fact]
    public async Task The_page_is_czech_by_default_and_english_on_the_switch_with_numbers_in_each_locale()
    {
        var id = await EstimateAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), "shaft.pdf");
        await OpenAsync($"estimates/{id}");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "cs");
        await Expect(Page.Locator("#total")).ToHaveTextAsync("2,4 min");
        await Expect(Page.Locator("#adjust-title")).ToHaveTextAsync("Úprava odhadu (expert)");
        await Expect(Page.Locator("#active-model")).ToHaveTextAsync("Model: gpt-4o-2024-08-06 (základní)");
        await Expect(Page.Locator("body")).Not.ToContainTextAsync("null");

        await Page.SelectOptionAsync("#language", "en");

        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(Page.Locator("#total")).ToHaveTextAsync("2.4 min");
        await Expect(Page.Locator("#adjust-title")).ToHaveTextAsync("Adjust the estimate (expert)");
        await Page.ReloadAsync();
        await Expect(Page.Locator("#total")).ToHaveTextAsync("2.4 min");
        await Page.SelectOptionAsync("#language", "cs");
        await Expect(Page.Locator("#total")).ToHaveTextAsync("2,4 min");
    }

    [Fact]
    public async Task Axe_finds_no_serious_or_critical_violation_on_the_list_or_a_document()
    {
        var id = await EstimateAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), "shaft.pdf");

        await OpenAsync();
        await Expect(Page.Locator(".list tbody tr")).ToHaveCountAsync(1);
        var list = await Page.RunAxe();
        await OpenAsync($"estimates/{id}");
        await Expect(Page.Locator(".facts fieldset")).ToHaveCountAsync(1);
        var document = await Page.RunAxe();

        var serious = list.Violations.Concat(document.Violations)
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Select(n => n.Html))}")
            .ToList();
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious));
    }
}
