using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using TimeVision.Testing;
using TimeVision.Testing.FakeOpenAI;
using static Microsoft.Playwright.Assertions;

namespace TimeVision.Web.Tests;

/// <summary>
/// Czech by default, English on a switch, numbers in the locale; what the server says (warnings, errors, enum values)
/// worded in the page's language from codes, never its English message; warnings merged per document with their
/// pages; axe finds nothing serious or critical.
/// </summary>
public sealed class LanguageAndAccessibilityTests(BrowserFixture browser, PageServer server) : PageTestBase(browser, server), IClassFixture<PageServer>
{
    [Fact]
    public async Task The_page_is_czech_by_default_and_english_on_the_switch_with_numbers_and_enum_values_in_each_language()
    {
        var id = await SharedShaftAsync();
        var (czech, english) = (await CurrentFigureTextAsync(id, "cs"), await CurrentFigureTextAsync(id, "en"));
        await OpenAsync($"estimates/{id}");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "cs");
        await Expect(Page.Locator("#document-total")).ToHaveTextAsync(czech);
        await Expect(Page.Locator("#adjust-title")).ToHaveTextAsync("Úprava odhadu (expert)");
        await Expect(Page.Locator("#active-model")).ToHaveTextAsync("Model: gpt-4o-2024-08-06 (základní)");
        await Expect(Page.Locator(".part-type")).ToHaveTextAsync("rotační");
        await Expect(Page.Locator(".complexity")).ToHaveTextAsync("střední");
        await Expect(Page.Locator(".units")).ToHaveTextAsync("milimetry");
        await Expect(Page.Locator("body")).Not.ToContainTextAsync("null");

        await Page.SelectOptionAsync("#language", "en");

        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(Page.Locator("#document-total")).ToHaveTextAsync(english);
        await Expect(Page.Locator("#adjust-title")).ToHaveTextAsync("Adjust the estimate (expert)");
        await Expect(Page.Locator(".part-type")).ToHaveTextAsync("turned");
        await Page.ReloadAsync();
        await Expect(Page.Locator("#document-total")).ToHaveTextAsync(english);
        await Page.SelectOptionAsync("#language", "cs");
        await Expect(Page.Locator("#document-total")).ToHaveTextAsync(czech);
    }

    [Fact]
    public async Task The_estimates_headline_and_why_it_heads_are_worded_in_the_page_language_never_in_the_servers_english()
    {
        var id = await SharedShaftAsync();   // the shaft's chamfer (text layer) and facing (the model) are read at high confidence: the engine heads
        var (document, _) = await DocumentAsync(id);
        var headline = document.GetProperty("headline");
        var feature = headline.GetProperty("whyParams").GetProperty("feature").GetString();
        await OpenAsync($"estimates/{id}");

        await Expect(Page.Locator("#document-total-source")).ToHaveTextAsync("podle: výpočet z technologie");
        await Expect(Page.Locator("#headline")).ToHaveTextAsync(new Regex(@"^výpočet z technologie: \d+,\d\d min na kus \+ \d+,\d\d min seřízení na dávku$"));
        await Expect(Page.Locator("#headline-why")).ToHaveTextAsync(new Regex(
            $@"^Prvek {feature} \((sražení hrany|zarovnání čela)\) je přečten (z textové vrstvy|z odpovědi modelu) s vysokou jistotou, proto platí výpočet z technologie\.$"));
        await Expect(Page.Locator("#other-number")).ToHaveTextAsync("model: 2,40 min");
        await AssertNoServerMessageShownAsync(id);

        await Page.SelectOptionAsync("#language", "en");
        await Expect(Page.Locator("#document-total-source")).ToHaveTextAsync("from: engine (process plan)");
        await Expect(Page.Locator("#headline-why")).ToHaveTextAsync(new Regex(
            $@"^Feature {feature} \((chamfer|facing)\) was read (from the text layer|by the model) at high confidence, so the engine's plan heads\.$"));
        await Expect(Page.Locator("#other-number")).ToHaveTextAsync("model: 2.40 min");
        await AssertNoServerMessageShownAsync(id);
    }

    [Fact]
    public async Task Server_warnings_are_worded_in_the_page_language_once_per_document_with_their_pages()
    {
        var reply = SampleEstimates.Shaft();
        reply["estimated_time_min"] = 5;
        reply["spindle_rpm"] = 1200;
        reply.Remove("drawing_units");
        Server.Fallback = _ => new FakeReply.Content(reply.ToJsonString());
        var id = await EstimateAsync(Folder.Write("three-pages.pdf", TestPdfs.WithPages(3)), "three-pages.pdf");

        await OpenAsync($"estimates/{id}");

        var warnings = Page.Locator("#warnings li");
        await Expect(warnings).ToHaveCountAsync(4);
        await Expect(warnings.Filter(new() { HasText = "Odpověď modelu nemá použitelné prvky dílu" })).ToContainTextAsync("(strany 1–3)");   // the prompt asked for them
        await Expect(warnings.Filter(new() { HasText = "Celkový čas modelu (5 min) se lišil od součtu operací (2,4 min)" })).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"\(strany 1–3\)$"));
        await Expect(warnings.Filter(new() { HasText = "neznámé údaje, byly vynechány: spindle_rpm" })).ToHaveCountAsync(1);
        await Expect(warnings.Filter(new() { HasText = "údaj „jednotky výkresu“" })).ToHaveCountAsync(1);
        await AssertNoServerMessageShownAsync(id);

        await Page.SelectOptionAsync("#language", "en");
        await Expect(warnings.Filter(new() { HasText = "The model's total (5 min) differed from the operations' sum (2.4 min)" })).ToContainTextAsync("(pages 1–3)");
        await AssertNoServerMessageShownAsync(id);
    }

    [Fact]
    public async Task A_model_total_far_from_the_plans_minutes_is_worded_with_both_numbers_under_to_check()
    {
        Server.Fallback = _ => new FakeReply.Content(SampleEstimates.ShaftJson(total: 60, breakdown: [20, 20, 20]));
        var id = await EstimateAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), "far-from-plan.pdf");
        var (document, _) = await DocumentAsync(id);
        var warning = Assert.Single(document.GetProperty("headline").GetProperty("warnings").EnumerateArray());
        var planMin = warning.GetProperty("params").GetProperty("planMin").GetString()!.Replace('.', ',');   // as Czech writes it, up to two decimals

        await OpenAsync($"estimates/{id}");

        await Expect(Page.Locator("#warnings li.strong", new() { HasText = "Čas modelu (60 min)" })).ToHaveTextAsync(new Regex(
            $@"^Čas modelu \(60 min\) a čas na kus z technologického postupu \({Regex.Escape(planMin)} min\) se liší \d+(,\d)?krát: zkontrolujte prvky dílu a odpověď modelu\.$"));
        await AssertNoServerMessageShownAsync(id);
        await Page.SelectOptionAsync("#language", "en");
        await Expect(Page.Locator("#warnings li.strong", new() { HasText = "The model's total (60 min)" })).ToContainTextAsync("apart: check the part's features and the model's answer.");
    }

    [Fact]
    public async Task A_failed_document_words_its_failure_once_offers_one_retry_and_no_form_or_empty_minutes()
    {
        Server.Fallback = _ => new FakeReply.HttpError(401, "invalid_api_key", "Incorrect API key provided.");
        var id = await EstimateAsync(Folder.Write("two-pages.pdf", TestPdfs.WithPages(2)), "refused-key.pdf");

        await OpenAsync($"estimates/{id}");

        await Expect(Page.Locator("#warnings li")).ToHaveTextAsync("selhalo — služba modelu odmítla přístupový klíč (strany 1–2) Zkusit znovu");
        await Expect(Page.Locator("#document-total")).ToHaveTextAsync("bez odhadu");
        await Expect(Page.Locator("#actual")).ToHaveCountAsync(0);
        await Expect(Page.Locator("#adjust")).ToHaveCountAsync(0);
        await Expect(Page.Locator("main")).Not.ToContainTextAsync("– min");
        await AssertNoServerMessageShownAsync(id);
    }

    [Fact]
    public async Task Axe_finds_no_serious_or_critical_violation_on_the_list_or_a_document_at_desktop_or_phone_size()
    {
        var id = await SharedShaftAsync();

        await OpenAsync();
        await Expect(Page.Locator(".list tbody tr").First).ToBeVisibleAsync();
        var list = await Page.RunAxe();
        await OpenAsync($"estimates/{id}");
        await Expect(Page.Locator(".facts fieldset")).ToHaveCountAsync(1);
        var document = await Page.RunAxe();
        await Page.SetViewportSizeAsync(390, 844);
        await OpenAsync();
        await Expect(Page.Locator(".list tbody tr").First).ToBeVisibleAsync();
        var phone = await Page.RunAxe();

        var serious = list.Violations.Concat(document.Violations).Concat(phone.Violations)
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Select(n => n.Html))}")
            .ToList();
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious));
    }

    /// <summary>No English message the server stored for the document (a warning's, an error's) is on the page.</summary>
    private async Task AssertNoServerMessageShownAsync(string id)
    {
        var (document, _) = await DocumentAsync(id);
        var messages = Messages(JsonNode.Parse(document.GetRawText())).Where(m => m.Length > 12).ToList();
        Assert.NotEmpty(messages);
        var shown = await Page.Locator("body").InnerTextAsync();
        Assert.All(messages, message => Assert.DoesNotContain(message, shown, StringComparison.Ordinal));
    }

    private static IEnumerable<string> Messages(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key is "message" or "why" && p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? new[] { v.GetValue<string>() } : Messages(p.Value)),
        JsonArray a => a.SelectMany(Messages),
        _ => [],
    };
}
