using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using TimeVision.Testing;
using TimeVision.Testing.FakeOpenAI;
using static Microsoft.Playwright.Assertions;

namespace TimeVision.Web.Tests;

/// <summary>
/// The quote on the document: prices per quantity as the API computes them with the rates in use, in Czech and English;
/// an edited list of quantities priced again and a bad one worded; freezing as a price set with the frozen quotes'
/// PDF offer and ERP CSV; a document without a plan says it has no price; printing keeps the prices and drops the
/// controls; and the admin's rates page, whose change the quote follows. Serve on loopback without tokens: the caller
/// is the admin (the estimator's view is in <see cref="RolesAndRetirementTests"/>).
/// </summary>
public sealed class QuoteTests(BrowserFixture browser, PageServer server) : PageTestBase(browser, server), IClassFixture<PageServer>
{
    [Fact]
    public async Task The_quote_prices_the_default_quantities_in_both_languages_prices_an_edited_list_again_and_words_a_bad_quantity()
    {
        var id = await SharedShaftAsync();
        var expected = await BatchesAsync(id, "1,10,50,100,500");
        await OpenAsync($"estimates/{id}");

        var rows = Page.Locator("#quote-table tbody tr");
        await Expect(rows).ToHaveCountAsync(5);
        await AssertPricesAsync(rows, expected, "Kč");
        await Expect(Page.Locator("#quote-title")).ToHaveTextAsync("Cenová nabídka");
        await Expect(Page.Locator("#quote-basis")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("Verze sazeb: (defaults/|shop-)"));   // another test of the class may have stored rates
        var axe = await Page.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {string.Join(" | ", v.Nodes.Select(n => n.Html))}"));

        await Page.Locator("input[name='qty-0']").FillAsync("2");
        await Page.Locator("#quote-add").ClickAsync();
        await Page.Locator("input[name='qty-5']").FillAsync("1 000");
        await Page.Locator("#quote-price").ClickAsync();
        await Expect(rows).ToHaveCountAsync(6);
        await AssertPricesAsync(rows, await BatchesAsync(id, "2,10,50,100,500,1000"), "Kč");

        await Page.Locator("input[name='qty-1']").FillAsync("1,5");
        await Page.Locator("#quote-price").ClickAsync();
        await Expect(Page.Locator("#quote-problem")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Množství musí být celé číslo od 1 do 1\s000\s000; „1,5“ není\.$"));
        await Expect(Page.Locator("#quote-table")).ToHaveCountAsync(0);
        await Page.Locator("input[name='qty-1']").FillAsync("2");
        await Page.Locator("#quote-price").ClickAsync();
        await Expect(Page.Locator("#quote-problem")).ToHaveTextAsync("Množství 2 je v seznamu dvakrát.");

        await Page.SelectOptionAsync("#language", "en");
        await Expect(Page.Locator("#quote-problem")).ToHaveTextAsync("Quantity 2 is listed twice.");
        await Page.Locator("input[name='qty-1']").FillAsync("10");
        await Page.Locator("#quote-price").ClickAsync();
        await Expect(rows).ToHaveCountAsync(6);
        await Expect(Page.Locator("#quote-table thead")).ToContainTextAsync("Unit price");
        await AssertPricesAsync(rows, await BatchesAsync(id, "2,10,50,100,500,1000"), "CZK");
    }

    [Fact]
    public async Task Freezing_lists_the_frozen_quote_its_pdf_and_csv_download_as_their_types_and_printing_keeps_the_prices_only()
    {
        var id = await EstimateAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), "frozen.pdf");
        await OpenAsync($"estimates/{id}");
        await Expect(Page.Locator("#quote-table tbody tr")).ToHaveCountAsync(5);
        await Page.EvaluateAsync("() => localStorage.setItem('timevision.enteredBy', 'Eva Malá')");   // the name last typed as "Kdo"

        await Page.Locator("#quote-freeze").ClickAsync();

        var frozen = Page.Locator("#frozen-quotes tbody tr");
        await Expect(frozen).ToHaveCountAsync(1);
        await Expect(frozen.First.Locator("td").Nth(1)).ToHaveTextAsync("Eva Malá");
        await Expect(frozen.First.Locator("th")).ToHaveTextAsync("č. 1");
        await Expect(frozen.First).ToContainTextAsync("platná");
        await Expect(frozen.First).ToContainTextAsync("1, 10, 50, 100, 500");
        await Expect(Page.Locator("#toast .message")).ToHaveTextAsync("Nabídka č. 1 je zmrazena.");
        await Expect(Page.Locator("#toast")).Not.ToContainTextAsync("null");

        var (pdfType, pdf, pdfName) = await DownloadAsync(frozen.First.GetByRole(AriaRole.Button, new() { Name = "PDF nabídka" }));
        Assert.Equal("application/pdf", pdfType);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        Assert.EndsWith("-1.pdf", pdfName, StringComparison.Ordinal);
        var (csvType, csv, csvName) = await DownloadAsync(frozen.First.GetByRole(AriaRole.Button, new() { Name = "CSV pro ERP" }));
        Assert.StartsWith("text/csv", csvType, StringComparison.Ordinal);
        Assert.StartsWith("document_id,drawing_number,", System.Text.Encoding.UTF8.GetString(csv), StringComparison.Ordinal);
        Assert.EndsWith("-1.csv", csvName, StringComparison.Ordinal);

        await Page.Locator("#quote-freeze").ClickAsync();
        await Expect(frozen).ToHaveCountAsync(2);
        await Expect(frozen.Nth(1)).ToContainTextAsync("nahrazena č. 2");

        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(Page.Locator("#quote-table")).ToBeVisibleAsync();
        await Expect(Page.Locator("#frozen-quotes")).ToBeVisibleAsync();
        foreach (var control in new[] { "#quote-form", "#quote-freeze", "#frozen-quotes td.downloads >> nth=0" })
        {
            await Expect(Page.Locator(control)).ToBeHiddenAsync();
        }
    }

    [Fact]
    public async Task A_document_without_a_plan_or_with_rates_missing_says_why_it_has_no_price_in_the_page_language()
    {
        Server.Fallback = _ => new FakeReply.Content(SampleEstimates.ShaftJson());   // no features from the model, none in a blank page's text: no plan
        var id = await EstimateAsync(Folder.Write("no-plan.pdf", TestPdfs.WithPages(1)), "no-plan.pdf");
        await OpenAsync($"estimates/{id}");

        await Expect(Page.Locator("#quote-none")).ToHaveTextAsync("Bez ceny: dokument nemá technologický postup, z něhož se cena počítá");
        await Page.SelectOptionAsync("#language", "en");
        await Expect(Page.Locator("#quote-none")).ToHaveTextAsync("No price: the document has no process plan to price");
        await Expect(Page.Locator("#quote-table")).ToHaveCountAsync(0);

        // Missing rates are named as the API's params name them, in the page's language.
        await Page.RouteAsync(new Regex("/api/estimates/[0-9a-f]+/quote\\?"), route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 422,
            ContentType = "application/json",
            Body = """{ "error": { "code": "rates_missing", "message": "No rates for …", "correlationId": "x", "params": { "centres": "80000011 (BOMAR STG240A)", "group": "titanium" } } }""",
        }));
        await OpenAsync($"estimates/{id}");
        await Expect(Page.Locator("#quote-none")).ToHaveTextAsync(
            "No price: no rates for work centres 80000011 (BOMAR STG240A); no density or price tiers for material titanium; the admin sets them under Rates and work centres Set the rates");
        await Page.SelectOptionAsync("#language", "cs");
        await Expect(Page.Locator("#quote-none")).ToHaveTextAsync(
            "Bez ceny: chybí sazby pracovišť 80000011 (BOMAR STG240A); chybí hustota nebo ceník materiálu titan; doplní je správce v Sazbách a pracovištích Doplnit sazby");
    }

    [Fact]
    public async Task The_admin_changes_a_rate_on_the_rates_page_and_the_quote_follows_and_a_bad_value_or_a_stale_version_is_worded()
    {
        var id = await SharedShaftAsync();
        var before = (await BatchesAsync(id, "1"))[0].UnitPrice;
        await OpenAsync();
        await Page.Locator("#admin summary").ClickAsync();
        await Page.Locator("#rates-link").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Uri(Address, "admin/rates").ToString());
        await Expect(Page.Locator("#rates-version")).ToContainTextAsync("výchozí sazby");
        await Expect(Page.Locator("#rates-centres tbody tr")).Not.ToHaveCountAsync(0);
        var axe = await Page.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {string.Join(" | ", v.Nodes.Select(n => n.Html))}"));

        var margin = Page.GetByLabel("Marže (koeficient)");
        await margin.FillAsync("abc");
        await Page.Locator("#rates-save").ClickAsync();
        await Expect(Page.Locator("#rates-problem")).ToHaveTextAsync("Marže (koeficient): „abc“ není číslo");
        await margin.FillAsync("2,5");
        await Page.Locator("#rates-materials tbody tr").First.Locator("input").Nth(3).FillAsync("0");   // the second price tier from 0 kg, as the first
        await Page.Locator("#rates-save").ClickAsync();
        await Expect(Page.Locator("#rates-problem")).ToContainTextAsync("Sazby nelze uložit: údaj „");
        await Expect(Page.Locator("#rates-problem")).ToContainTextAsync(": Cenová pásma (od kg: Kč/kg)“ server odmítl");

        await Page.ReloadAsync();
        await Page.GetByLabel("Marže (koeficient)").FillAsync("2,5");
        await Page.Locator("#rates-save").ClickAsync();
        await Expect(Page.Locator("#rates-version")).ToContainTextAsync("Verze sazeb: shop-1");
        await Expect(Page.Locator("#toast")).ToContainTextAsync("Sazby uloženy jako verze shop-1.");

        await StoreRatesBehindThePagesBackAsync("\"1\"");
        await Page.GetByLabel("Marže (koeficient)").FillAsync("2,6");
        await Page.Locator("#rates-save").ClickAsync();
        await Expect(Page.Locator("#rates-problem")).ToContainTextAsync("Sazby mezitím uložil někdo jiný jako novější verzi; nic nebylo přepsáno.");
        await Page.SelectOptionAsync("#language", "en");
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Rates and work centres");
        await Expect(Page.Locator("#rates-version")).ToContainTextAsync("Rates version: shop-2");

        var after = (await BatchesAsync(id, "1"))[0].UnitPrice;
        Assert.True(after > before * 1.9m, $"the unit price {after} did not follow the margin 1.25 → 2.5 from {before}");
        await OpenAsync($"estimates/{id}");
        await AssertPricesAsync(Page.Locator("#quote-table tbody tr"), await BatchesAsync(id, "1,10,50,100,500"), "CZK");
        await Expect(Page.Locator("#quote-basis")).ToContainTextAsync("Rates version: shop-2");
    }

    /// <summary>The quote's batches as the API answers them for <paramref name="quantities"/>.</summary>
    private async Task<List<(int Quantity, decimal UnitPrice, decimal Total)>> BatchesAsync(string id, string quantities)
    {
        var quote = await Http.GetFromJsonAsync<JsonElement>(new Uri($"api/estimates/{id}/quote?qty={quantities}", UriKind.Relative), Token);
        return [.. quote.GetProperty("batches").EnumerateArray().Select(b => (b.GetProperty("quantity").GetInt32(), b.GetProperty("unitPrice").GetDecimal(), b.GetProperty("total").GetDecimal()))];
    }

    /// <summary>Each row shows its quantity, unit price and batch price to the haléř, in the page language's format with its currency.</summary>
    private static async Task AssertPricesAsync(ILocator rows, List<(int Quantity, decimal UnitPrice, decimal Total)> expected, string currency)
    {
        await Expect(rows).ToHaveCountAsync(expected.Count);
        var decimalMark = currency == "Kč" ? ',' : '.';
        for (var i = 0; i < expected.Count; i++)
        {
            var row = rows.Nth(i);
            Assert.Equal(expected[i].Quantity, (int)Amount(await row.Locator("th").InnerTextAsync(), decimalMark));
            foreach (var (cell, value) in new[] { (".unit-price", expected[i].UnitPrice), (".batch-price", expected[i].Total) })
            {
                var text = await row.Locator(cell).InnerTextAsync();
                Assert.EndsWith($"{decimalMark}{Math.Round(value, 2).ToString("0.00", CultureInfo.InvariantCulture)[^2..]} {currency}", text, StringComparison.Ordinal);
                Assert.Equal(Math.Round(value, 2), Amount(text, decimalMark));
            }
        }
    }

    /// <summary>A number as the page writes it (any thousands separator, the language's decimal mark), by hand: the tests run without culture data.</summary>
    private static decimal Amount(string text, char decimalMark)
    {
        var digits = new string([.. text.Where(c => char.IsDigit(c) || c == decimalMark)]).Replace(decimalMark, '.');
        return decimal.Parse(digits, CultureInfo.InvariantCulture);
    }

    /// <summary>The file a download button saves, with the content type the API answered it with.</summary>
    private async Task<(string ContentType, byte[] Content, string Name)> DownloadAsync(ILocator button)
    {
        var answer = Page.WaitForResponseAsync(r => new Uri(r.Url).AbsolutePath.EndsWith("/quotes/1", StringComparison.Ordinal));
        var download = await Page.RunAndWaitForDownloadAsync(() => button.ClickAsync());
        var path = await download.PathAsync();
        return ((await answer).Headers["content-type"], await File.ReadAllBytesAsync(path, Token), download.SuggestedFilename);
    }

    /// <summary>Another admin stores a version over <paramref name="ifMatch"/> while the page still shows the older one.</summary>
    private async Task StoreRatesBehindThePagesBackAsync(string ifMatch)
    {
        var current = await Http.GetStringAsync(new Uri("api/rates", UriKind.Relative), Token);
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri("api/rates", UriKind.Relative)) { Content = new StringContent(current, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        using var answer = await Http.SendAsync(request, Token);
        answer.EnsureSuccessStatusCode();
    }
}
