using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Testing;
using static Microsoft.Playwright.Assertions;

namespace TimeVision.Web.Tests;

/// <summary>
/// The process plan on the document: the routing with its totals, a line's formula and inputs, the features outlined
/// on the drawing both ways, a correction made in place that recomputes the plan with who made it, a stale correction,
/// an estimate without a plan, a plan recomputed after the shop's cutting data changed, and the wording in Czech and English. The adapter plate's text layer reads 4× M8 (a
/// drilling and a tapping feature with a box) and its material as steel, where the fake model says stainless steel.
/// </summary>
public sealed class PlanPanelTests(BrowserFixture browser, PageServer server) : PageTestBase(browser, server), IClassFixture<PageServer>
{
    private static readonly string Plate = RepositoryPaths.Sample("edocr-adapterplatte.pdf");

    [Fact]
    public async Task The_routing_shows_its_operations_and_totals_a_line_expands_to_its_inputs_and_lines_and_outlines_select_each_other()
    {
        var id = await EstimateAsync(Plate, "plan.pdf");
        var routing = (await PlanAsync(id)).GetProperty("plan").GetProperty("routing");
        await OpenAsync($"estimates/{id}");

        await Expect(Page.Locator("#routing tbody tr.operation")).ToHaveCountAsync(routing.GetProperty("operations").GetArrayLength());
        await Expect(Page.Locator("#plan-setup")).ToHaveTextAsync(MinutesText(routing.GetProperty("setupMin").GetDouble()));
        await Expect(Page.Locator("#plan-per-piece")).ToHaveTextAsync(MinutesText(routing.GetProperty("cycleMin").GetDouble()));
        var drilling = Page.Locator("#routing tr.operation", new() { HasText = "vrtání a závity" });
        await Expect(drilling.Locator(".centre")).ToHaveTextAsync("Pracoviště: MASTURN 32");
        await Expect(drilling.Locator(".centre")).ToHaveAttributeAsync("title", "Pracoviště 80000001");
        await drilling.Locator("button.expand").ClickAsync();
        var hole = Page.Locator("#routing .line[data-outline='feature:t1']");
        await Expect(hole).ToBeVisibleAsync();
        await Expect(hole.Locator(".formula")).ToHaveTextAsync("(hloubka + nájezd)/(f·n) na díru");
        await Expect(hole.Locator(".inputs abbr[title='otáčky']")).ToHaveTextAsync("n");
        await Expect(hole.Locator(".inputs")).ToContainTextAsync(new Regex(@"n = [\d\s]+ ot/min"));
        await Expect(hole).ToContainTextAsync("hloubka = 13,5 mm");
        await AssertPlanFitsAsync();
        await Page.SetViewportSizeAsync(390, 844);
        await AssertPlanFitsAsync();
        await Page.SetViewportSizeAsync(1280, 800);

        await hole.ClickAsync();

        await Expect(Page.Locator(".viewer[data-page='1'] .outline.feature.selected")).ToHaveAttributeAsync("data-outline", "feature:t1");
        var zoomed = await Page.Locator(".viewer .sheet").EvaluateAsync<string>("sheet => sheet.style.transform");
        Assert.Matches(@"scale\((?!1\))[\d.]+\)", zoomed);
        await ScreenshotAsync("document-plan-outline-1280.png");
        await Page.Locator(".viewer .outline[data-outline='feature:t2']").ClickAsync();
        await Expect(Page.Locator("#features li[data-feature='t2']")).ToHaveClassAsync(new Regex(@"\bselected\b"));
        await Expect(Page.Locator("#features li[data-feature='t1']")).Not.ToHaveClassAsync(new Regex(@"\bselected\b"));
    }

    [Fact]
    public async Task Correcting_a_features_count_recomputes_the_per_piece_time_and_shows_who_corrected_it()
    {
        var id = await EstimateAsync(Plate, "corrected.pdf");
        var before = (await PlanAsync(id)).GetProperty("plan").GetProperty("routing").GetProperty("cycleMin").GetDouble();
        await OpenAsync($"estimates/{id}");
        var hole = Page.Locator("#features li[data-feature='t1']");

        await hole.Locator("button.correct").ClickAsync();
        await hole.Locator("input[name='count']").FillAsync("12");
        await hole.Locator("input[name='enteredBy']").FillAsync("Jana Nováková");
        await hole.Locator("button[type='submit']").ClickAsync();

        await Expect(Page.Locator("#toast")).ToContainTextAsync("Oprava uložena; postup je přepočten.");
        var answer = await PlanAsync(id);
        var after = answer.GetProperty("plan").GetProperty("routing").GetProperty("cycleMin").GetDouble();
        Assert.True(after > before, $"twelve holes instead of four take {after} min per piece, not more than {before}");
        await Expect(Page.Locator("#plan-per-piece")).ToHaveTextAsync(MinutesText(after));
        var corrected = Page.Locator("#features li[data-feature='t1']");
        await Expect(corrected.Locator(".sizes")).ToContainTextAsync("12×");
        await Expect(corrected.Locator(".corrected")).ToContainTextAsync("opravil(a) Jana Nováková");
        await Expect(corrected.Locator(".conflict")).ToHaveTextAsync("Rozpor (počet): platí 12 (od experta), nikoli 4 (z textové vrstvy).");
        var reading = answer.GetProperty("features").GetProperty("readings").EnumerateArray().Last();
        Assert.Equal(("estimator", "Jana Nováková"), (reading.GetProperty("kind").GetString(), reading.GetProperty("by").GetString()));
    }

    [Fact]
    public async Task On_the_english_page_a_count_above_a_thousand_survives_the_next_correction_and_saving_waits_for_the_reply()
    {
        var id = await EstimateAsync(Plate, "english.pdf");
        await OpenAsync($"estimates/{id}");
        var hole = Page.Locator("#features li[data-feature='t1']");
        var save = hole.Locator("button[type='submit']");
        await Expect(hole.Locator("button.correct")).ToHaveTextAsync("Opravit");
        await Page.SelectOptionAsync("#language", "en");
        await Expect(hole.Locator("button.correct")).ToHaveTextAsync("Correct");
        await hole.Locator("button.correct").ClickAsync();
        await hole.Locator("input[name='count']").FillAsync("5000000000");
        await save.ClickAsync();
        await Expect(hole.Locator(".error")).ToHaveTextAsync(
            "Error: the features cannot be saved: a value is missing or not realistic (count, diameter, depth…)");
        await Expect(save).ToBeEnabledAsync();
        await hole.Locator("input[name='count']").FillAsync("1200");
        await save.ClickAsync();
        await Expect(Page.Locator("#toast")).ToContainTextAsync("Correction saved; the plan is recomputed.");
        await Expect(hole.Locator(".sizes")).ToContainTextAsync("1200×");

        var release = new TaskCompletionSource();
        string? sent = null;
        await Page.RouteAsync("**/api/estimates/*/features", async route =>
        {
            sent = route.Request.PostData;
            await release.Task;
            await route.ContinueAsync();
        });
        await hole.Locator("button.correct").ClickAsync();
        await Expect(hole.Locator("input[name='count']")).ToHaveValueAsync("1200");
        await hole.Locator("input[name='depthMm']").FillAsync("20");
        await save.ClickAsync();
        await Expect(save).ToBeDisabledAsync();
        release.SetResult();

        await Expect(hole.Locator(".sizes")).ToContainTextAsync("depth 20 mm");
        var corrected = JsonDocument.Parse(sent!).RootElement.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "t1");
        Assert.Equal((1200, 20.0), (corrected.GetProperty("count").GetInt32(), corrected.GetProperty("depthMm").GetDouble()));
    }

    [Fact]
    public async Task A_correction_against_an_estimate_changed_meanwhile_is_refused_in_words_and_the_page_shows_the_newer_one()
    {
        var id = await EstimateAsync(Plate, "stale.pdf");
        await OpenAsync($"estimates/{id}");
        var hole = Page.Locator("#features li[data-feature='t1']");
        await hole.Locator("button.correct").ClickAsync();
        await PutFeaturesAsync(id, """{ "materialGroup": "aluminium" }""");

        await hole.Locator("input[name='count']").FillAsync("6");
        await hole.Locator("button[type='submit']").ClickAsync();

        await Expect(Page.Locator("#toast")).ToContainTextAsync("Odhad mezitím změnil někdo jiný; načítám novou verzi.");
        await Expect(Page.Locator("#features li.part-level .sizes")).ToContainTextAsync("hliník");
        await Expect(Page.Locator("#features li[data-feature='t1'] .sizes")).ToContainTextAsync("4×");
    }

    [Fact]
    public async Task The_plan_is_worded_in_czech_and_english_without_raw_codes_and_axe_finds_nothing_serious()
    {
        var id = await EstimateAsync(Plate, "worded.pdf");
        await OpenAsync($"estimates/{id}");
        var plan = Page.Locator("#plan");
        await Expect(plan.Locator("#routing th").First).ToHaveTextAsync("Operace");
        await Expect(plan.Locator("#routing > thead")).ToContainTextAsync("Seřízení");
        await Expect(plan.Locator("#features li.part-level .conflict")).ToHaveTextAsync(
            "Rozpor (materiálová skupina): platí ocel (z textové vrstvy), nikoli nerezová ocel (z odpovědi modelu).");
        await plan.Locator("details.defaults summary").ClickAsync();
        await Expect(plan.Locator("details.defaults li", new() { HasText = "řezné podmínky: ocel, vrtání" }).First).ToBeVisibleAsync();
        foreach (var button in await plan.Locator("button.expand").AllAsync())
        {
            await button.ClickAsync();
        }

        var czech = await plan.InnerTextAsync();
        Assert.DoesNotMatch(@"\b[a-z]+_[a-z_]+\b|\b(steel|drilling|per hole|text layer|Setup)\b", czech);
        await AssertEveryFormulaAndDefaultIsWordedInCzechAsync();
        var axe = await Page.RunAxe();

        await Page.SelectOptionAsync("#language", "en");
        await Expect(plan.Locator("#routing > thead")).ToContainTextAsync("Setup");
        await Expect(plan.Locator("#routing tr.operation", new() { HasText = "drilling and tapping" })).ToHaveCountAsync(1);
        await Expect(plan.Locator("#features li.part-level .conflict")).ToHaveTextAsync(
            "Conflict (material group): steel (from the text layer) stands, not stainless steel (by the model).");
        Assert.DoesNotMatch(@"\b[a-z]+_[a-z_]+\b", await plan.InnerTextAsync());
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Select(n => n.Html))}").ToList();
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious));
    }

    [Fact]
    public async Task An_estimate_without_a_plan_says_why_accepting_a_plan_shows_who_accepted_it_and_slower_cutting_data_asks_to_recompute()
    {
        var id = await SharedShaftAsync();
        await Page.RouteAsync("**/api/estimates/*/plan", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 404,
            ContentType = "application/json",
            Body = """{ "error": { "code": "no_plan", "message": "The estimate was made before plans were kept.", "correlationId": "x" } }""",
        }));
        await OpenAsync($"estimates/{id}");
        await Expect(Page.Locator("#plan-none")).ToHaveTextAsync(
            "Technologický postup není: odhad byl uložen dříve, než se postupy ukládaly. Zadejte prvky dílu, nebo dokument odhadněte znovu.");

        await Page.UnrouteAllAsync();
        var plate = await EstimateAsync(Plate, "accepted.pdf");
        await OpenAsync($"estimates/{plate}");
        await Page.EvaluateAsync("() => localStorage.setItem('timevision.enteredBy', 'Petr Dvořák')");
        await Page.Locator("#plan-accept").ClickAsync();

        await Expect(Page.Locator("#plan-accepted")).ToContainTextAsync("Postup potvrdil(a) Petr Dvořák");
        await Expect(Page.Locator("#plan-accept")).ToBeDisabledAsync();
        await Expect(Page.Locator("#plan-behind")).ToHaveCountAsync(0);

        var before = (await PlanAsync(plate)).GetProperty("plan");
        await StoreSlowerSteelDrillingAsync();
        await OpenAsync($"estimates/{plate}");
        await Expect(Page.Locator("#plan-behind")).ToContainTextAsync("Řezné podmínky nebo pracoviště se od výpočtu změnily.");
        await Page.Locator("#plan-replan").ClickAsync();

        await Expect(Page.Locator("#toast")).ToContainTextAsync("Postup přepočten s aktuálními daty dílny.");
        await Expect(Page.Locator("#plan-behind")).ToHaveCountAsync(0);
        var after = (await PlanAsync(plate)).GetProperty("plan");
        Assert.Equal(before.GetProperty("cuttingDataVersion").GetString() + "+shop-1", after.GetProperty("cuttingDataVersion").GetString());
        Assert.Equal(before.GetProperty("featuresVersion").GetInt32(), after.GetProperty("featuresVersion").GetInt32());
        await Expect(Page.Locator("#plan-per-piece")).ToHaveTextAsync(MinutesText(after.GetProperty("routing").GetProperty("cycleMin").GetDouble()));
    }

    /// <summary>
    /// Every formula and default the engine can write (<see cref="PlanFormulas"/>, <see cref="DefaultReasons"/>) is
    /// worded by the page's own planWords.js in Czech: none is dropped, and no English word of it (outside a quoted
    /// material or group) is left.
    /// </summary>
    private async Task AssertEveryFormulaAndDefaultIsWordedInCzechAsync()
    {
        var formulas = PlanFormulas.All.ToArray();
        var defaults = DefaultReasons.Examples.ToArray();
        var worded = await Page.EvaluateAsync<string?[][]>(
            "async ([formulas, defaults]) => { const w = await import('/assets/planWords.js'); return [formulas.map(w.formulaWords), defaults.map(w.defaultWords)]; }",
            new object[] { formulas, defaults });
        var english = formulas.Zip(worded[0]).Concat(defaults.Zip(worded[1]))
            .Where(pair => pair.Second is null || EnglishWords(pair.First).Any(w => Regex.IsMatch(pair.Second, $@"\b{Regex.Escape(w)}\b")))
            .Select(pair => $"{pair.First} → {pair.Second ?? "(left out)"}").ToList();
        Assert.True(english.Count == 0, "worded in English or not at all:" + Environment.NewLine + string.Join(Environment.NewLine, english));
    }

    /// <summary>The words of four letters or more in an engine's text, less what it quotes (a material, a group) and the contract's field names.</summary>
    private static IEnumerable<string> EnglishWords(string text) =>
        Regex.Matches(Regex.Replace(text, "'[^']*'", string.Empty), @"(?<![\w.])[A-Za-z]{4,}(?![\w.])").Select(m => m.Value)
            .Where(w => !Regex.IsMatch(w, "[a-z][A-Z]"));

    /// <summary>Neither the plan's table nor the panel is cut: nothing in them is wider than the box that holds it.</summary>
    private async Task AssertPlanFitsAsync()
    {
        var widths = await Page.Locator("#plan").EvaluateAsync<int[]>(
            "plan => [plan.scrollWidth, plan.clientWidth, plan.querySelector('.scroll').scrollWidth, plan.querySelector('.scroll').clientWidth]");
        Assert.True(widths[0] <= widths[1] && widths[2] <= widths[3], $"the plan is wider than its panel: panel {widths[0]} > {widths[1]} or table {widths[2]} > {widths[3]}");
    }

    private async Task<JsonElement> PlanAsync(string id) =>
        await Http.GetFromJsonAsync<JsonElement>(new Uri($"api/estimates/{id}/plan", UriKind.Relative), Token);

    /// <summary>An admin stores slower drilling for steel (the plate's group) as the shop's cutting data.</summary>
    private async Task StoreSlowerSteelDrillingAsync()
    {
        using var current = await Http.GetAsync(new Uri("api/cutting-data", UriKind.Relative), Token);
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri("api/cutting-data", UriKind.Relative))
        {
            Content = new StringContent("""{ "groups": [ { "group": "steel", "operations": { "drilling": { "vcMPerMin": 10 } } } ] }""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", current.Headers.ETag!.ToString());
        using var answer = await Http.SendAsync(request, Token);
        Assert.True(answer.IsSuccessStatusCode, string.Create(CultureInfo.InvariantCulture, $"PUT cutting-data answered {(int)answer.StatusCode}"));
    }

    private async Task PutFeaturesAsync(string id, string features)
    {
        var etag = (await PlanAsync(id)).GetProperty("etag").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"api/estimates/{id}/features", UriKind.Relative))
        {
            Content = new StringContent(features, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        using var answer = await Http.SendAsync(request, Token);
        Assert.True(answer.IsSuccessStatusCode, string.Create(CultureInfo.InvariantCulture, $"PUT features answered {(int)answer.StatusCode}"));
    }
}
