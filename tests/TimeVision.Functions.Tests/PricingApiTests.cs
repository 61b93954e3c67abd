using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Api.Access;
using TimeVision.Api.Handlers;
using TimeVision.Api.Http;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.Pricing;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Storage;
using TimeVision.Testing;
using TimeVision.Testing.LocalServices;

namespace TimeVision.Functions.Tests;

/// <summary>
/// <c>GET/PUT /api/rates</c> and the quote routes against a drawing estimated through the API, with estimates, rates
/// and frozen quotes in Cosmos DB: versioned rates guarded by <c>If-Match</c> (409 on a stale one), the quote's
/// contract, and a frozen quote that stays as it was after the rates change.
/// </summary>
[Collection(LocalServicesGroup.Name)]
public sealed class PricingApiTests(AzuriteFixture azurite, CosmosFixture cosmos) : IAsyncLifetime
{
    private FunctionsHarness _harness = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private RatesApi Rates => ActivatorUtilities.CreateInstance<RatesApi>(_harness.Services);

    private QuoteApi Quotes => ActivatorUtilities.CreateInstance<QuoteApi>(_harness.Services);

    public async ValueTask InitializeAsync()
    {
        var client = cosmos.CreateClient(CosmosAccount.ClientOptions());
        var database = await cosmos.CreateDatabaseNameAsync(Token);
        var container = await CosmosEstimateStore.EnsureContainerAsync(client, database, "estimates", Token);
        _harness = await FunctionsHarness.StartAsync(azurite, cosmos, configureServices: services => services
            .AddSingleton<IEstimateStore>(new CosmosEstimateStore(container))
            .AddSingleton<IRatesStore>(new CosmosRatesStore(container))
            .AddSingleton<IFrozenQuoteStore>(new CosmosFrozenQuoteStore(container)));
    }

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Rates_are_versioned_the_first_put_needs_no_if_match_and_a_stale_one_gets_409()
    {
        var read = Get();
        var defaults = Ok(await Rates.GetAsync(read, Token));
        var body = Json(defaults);

        var first = Admin(Put(body, null));
        var saved = Ok(await Rates.PutAsync(first, Token));
        var again = Error(await Rates.PutAsync(Admin(Put(body, null)), Token));
        var stale = Error(await Rates.PutAsync(Admin(Put(body, "\"7\"")), Token));
        var second = Ok(await Rates.PutAsync(Admin(Put(Json(saved with { Coefficients = saved.Coefficients with { Margin = 1.4m } }), "\"1\"")), Token));
        var current = Get();
        var now = Ok(await Rates.GetAsync(current, Token));

        Assert.StartsWith("defaults/", defaults.Version, StringComparison.Ordinal);
        Assert.Equal(string.Empty, read.HttpContext.Response.Headers.ETag.ToString());
        Assert.Equal(("shop-1", "petr@shop.example", "\"1\""), (saved.Version, saved.SetBy, first.HttpContext.Response.Headers.ETag.ToString()));
        Assert.Equal((409, "stale_token"), (again.StatusCode, again.Value!.Error.Code));
        Assert.Equal((409, "stale_token"), (stale.StatusCode, stale.Value!.Error.Code));
        Assert.Equal("shop-2", second.Version);
        Assert.Equal(("shop-2", 1.4m, "\"2\""), (now.Version, now.Coefficients.Margin, current.HttpContext.Response.Headers.ETag.ToString()));
    }

    [Theory]
    [InlineData("""{ "currency": "CZK" }""", "a required property is missing", "$")]
    [InlineData("""{ "currency": "CZK", "workCentres": [], "coefficients": { "overhead": 1, "margin": 1, "stock": 1, "coop": 1, "scrapPercent": 0, "ke": 1, "ko": 1 }, "materials": [] }""", "field $.workCentres", "$.workCentres")]
    [InlineData("""{ "currency": "CZK", "workCentres": [{ "id": "X", "kind": "milling", "labourPerHour": -1 }], "coefficients": { "overhead": 1, "margin": 1, "stock": 1, "coop": 1, "scrapPercent": 0, "ke": 1, "ko": 1 }, "materials": [] }""", "must be at least 0", "$.workCentres[0].labourPerHour")]
    [InlineData("not json", "not valid JSON", "$")]
    public async Task Rates_that_break_the_contract_get_400_invalid_rates_naming_the_field(string body, string message, string path)
    {
        var error = Error(await Rates.PutAsync(Admin(Put(body, null)), Token));

        Assert.Equal((400, "invalid_rates"), (error.StatusCode, error.Value!.Error.Code));
        Assert.Contains(message, error.Value.Error.Message, StringComparison.Ordinal);
        Assert.Equal(path, error.Value.Error.Params?["path"]);   // for the page to word the field
    }

    [Fact]
    public async Task An_estimate_is_quoted_frozen_and_its_frozen_quote_stays_as_it_was_after_the_rates_change()
    {
        var id = await EstimateAsync();

        var quote = Ok(await Quotes.GetAsync(Get("?qty=1,10,100"), id, Token));
        var freeze = FunctionsHarness.Request("POST", Encoding.UTF8.GetBytes("""{ "quantities": [1, 10, 100] }"""), "application/json");
        freeze.QueryString = QueryString.Create("enteredBy", " Eva Malá ");
        var frozen = Assert.IsType<JsonHttpResult<FrozenQuote>>((await Quotes.FreezeAsync(freeze, id, Token)).Result);
        var defaults = Ok(await Rates.GetAsync(Get(), Token));
        Ok(await Rates.PutAsync(Admin(Put(Json(defaults with { Coefficients = defaults.Coefficients with { Stock = 2m } }), null)), Token));
        var later = Ok(await Quotes.GetAsync(Get("?qty=1,10,100"), id, Token));
        var read = Assert.IsType<JsonHttpResult<FrozenQuote>>((await Quotes.GetFrozenAsync(Get(), id, "1", Token)).Result).Value!;
        var list = Assert.IsType<JsonHttpResult<FrozenQuoteList>>((await Quotes.ListAsync(Get(), id, Token)).Result).Value!;

        Assert.Equal([1, 10, 100], quote.Batches.Select(b => b.Quantity));
        Assert.Equal(("stainless_steel", StockShape.Bar), (quote.Stock.MaterialGroup, quote.Stock.Shape));
        Assert.Equal((201, $"/api/estimates/{id}/quotes/1"), (frozen.StatusCode, freeze.HttpContext.Response.Headers.Location.ToString()));
        Assert.Equal(quote.Batches, frozen.Value!.Quote.Batches);
        Assert.Equal(quote.Batches, read.Quote.Batches);
        Assert.Equal(quote.Batches, QuoteCalculator.Price(read.Inputs).Quote!.Batches);
        Assert.Equal("shop-1", later.RatesVersion);
        Assert.Equal(quote.Batches[0].MaterialCost / 1.15m * 2m, later.Batches[0].MaterialCost, 5);
        Assert.Equal((1, quote.RatesVersion), (Assert.Single(list.Items).Id, list.Items[0].RatesVersion));
        Assert.Equal(("Eva Malá", "Eva Malá"), (frozen.Value.FrozenBy, list.Items[0].FrozenBy));
    }

    [Fact]
    public async Task A_frozen_quote_records_the_caller_the_host_vouches_for_over_the_name_given()
    {
        var id = await EstimateAsync();
        var freeze = FunctionsHarness.Request("POST", Encoding.UTF8.GetBytes("{}"), "application/json");
        freeze.QueryString = QueryString.Create("enteredBy", "Someone Else");
        CallerIdentity.SignedIn("jana@shop.example").AttachTo(freeze.HttpContext);
        var anonymous = FunctionsHarness.Request("POST", Encoding.UTF8.GetBytes("{}"), "application/json");

        var vouched = Assert.IsType<JsonHttpResult<FrozenQuote>>((await Quotes.FreezeAsync(freeze, id, Token)).Result).Value!;
        var nobody = Assert.IsType<JsonHttpResult<FrozenQuote>>((await Quotes.FreezeAsync(anonymous, id, Token)).Result).Value!;

        Assert.Equal("jana@shop.example", vouched.FrozenBy);
        Assert.Null(nobody.FrozenBy);
    }

    [Fact]
    public async Task The_quote_json_is_the_contract_in_camel_case_with_codes_for_enums()
    {
        var id = await EstimateAsync();
        var result = Assert.IsType<JsonHttpResult<Quote>>((await Quotes.GetAsync(Get(), id, Token)).Result);

        var json = JsonSerializer.SerializeToElement(result.Value, result.JsonSerializerOptions);

        Assert.Equal("CZK", json.GetProperty("currency").GetString());
        Assert.Equal("bar", json.GetProperty("stock").GetProperty("shape").GetString());
        Assert.True(json.GetProperty("stock").GetProperty("weightKg").GetDecimal() > 0);
        var operation = json.GetProperty("operations")[0];
        Assert.Equal(JsonValueKind.String, operation.GetProperty("workCentre").ValueKind);
        Assert.Equal(JsonValueKind.Number, operation.GetProperty("setupMin").ValueKind);
        Assert.Equal(JsonValueKind.Number, operation.GetProperty("cycleMin").ValueKind);
        Assert.Equal(5, json.GetProperty("batches").GetArrayLength());
        foreach (var name in new[] { "quantity", "machineCost", "materialCost", "total", "unitPrice" })
        {
            Assert.Equal(JsonValueKind.Number, json.GetProperty("batches")[0].GetProperty(name).ValueKind);
        }

        Assert.Equal((JsonValueKind.String, JsonValueKind.Number), (json.GetProperty("ratesVersion").ValueKind, json.GetProperty("planVersion").ValueKind));
    }

    [Fact]
    public async Task The_quote_answers_the_erps_csv_for_text_csv_and_the_pdf_offer_for_application_pdf_and_so_does_a_frozen_one()
    {
        var id = await EstimateAsync();
        var quote = Ok(await Quotes.GetAsync(Get("?qty=1,10"), id, Token));
        Assert.IsType<JsonHttpResult<FrozenQuote>>((await Quotes.FreezeAsync(FunctionsHarness.Request("POST", Encoding.UTF8.GetBytes("""{ "quantities": [1, 10] }"""), "application/json"), id, Token)).Result);

        var csv = Document(await Quotes.GetAsync(Accepting("text/csv", "?qty=1,10"), id, Token));
        var czech = Document(await Quotes.GetAsync(Accepting("text/csv", "?qty=1,10&dialect=czech"), id, Token));
        var pdf = Document(await Quotes.GetAsync(Accepting("application/json;q=0.5, application/pdf", "?qty=1,10&customer=%C5%A0koda%20Transportation&requestNumber=RFQ-9"), id, Token));
        var english = Document(await Quotes.GetFrozenAsync(Accepting("application/pdf", "?lang=en"), id, "1", Token));
        var json = Ok(await Quotes.GetAsync(Accepting("*/*", "?qty=1,10"), id, Token));
        var badLanguage = Error(await Quotes.GetAsync(Accepting("application/pdf", "?lang=de"), id, Token));
        var badDialect = Error(await Quotes.GetAsync(Accepting("text/csv", "?dialect=excel"), id, Token));

        var unitOfTen = Math.Round(quote.Batches[1].UnitPrice, 2, MidpointRounding.AwayFromZero);
        Assert.Equal(("text/csv; charset=utf-8", $"quote-{id[..12]}.csv"), (csv.ContentType, csv.FileDownloadName));
        var rows = Encoding.UTF8.GetString(csv.FileContents.Span).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 2 * quote.Operations.Count, rows.Length);
        Assert.Contains(rows, r => r.Contains("," + unitOfTen.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + ",", StringComparison.Ordinal));
        Assert.Contains(";" + unitOfTen.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ',') + ";", Encoding.UTF8.GetString(czech.FileContents.Span), StringComparison.Ordinal);
        Assert.Equal("application/pdf", pdf.ContentType);
        var offer = await PdfText.ReadAsync(pdf.FileContents.ToArray(), Token);
        Assert.Contains("Cenová nabídka", offer, StringComparison.Ordinal);
        Assert.Contains("Škoda Transportation", offer, StringComparison.Ordinal);
        Assert.Contains("RFQ-9", offer, StringComparison.Ordinal);
        Assert.Contains("Quotation No. 1", await PdfText.ReadAsync(english.FileContents.ToArray(), Token), StringComparison.Ordinal);
        Assert.Equal($"quote-{id[..12]}-1.pdf", english.FileDownloadName);
        Assert.Equal(quote.Batches, json.Batches);
        Assert.Equal((400, "invalid_language"), (badLanguage.StatusCode, badLanguage.Value!.Error.Code));
        Assert.Equal((400, "invalid_csv_dialect"), (badDialect.StatusCode, badDialect.Value!.Error.Code));
    }

    [Fact]
    public async Task Missing_rates_are_422_rates_missing_bad_quantities_400_and_unknown_or_planless_estimates_404()
    {
        var id = await EstimateAsync();
        var planless = await EstimateAsync(TestPdfs.WithPages(1));
        var defaults = Ok(await Rates.GetAsync(Get(), Token));
        Ok(await Rates.PutAsync(Admin(Put(Json(defaults with { Materials = [.. defaults.Materials.Where(m => m.Group != "stainless_steel")] }), null)), Token));

        var missing = Error(await Quotes.GetAsync(Get(), id, Token));
        var frozen = Error(await Quotes.FreezeAsync(FunctionsHarness.Request("POST", Encoding.UTF8.GetBytes("{}"), "application/json"), id, Token));
        var badQty = Error(await Quotes.GetAsync(Get("?qty=10,x"), id, Token));
        var unknown = Error(await Quotes.GetAsync(Get(), new string('c', 64), Token));
        var noPlan = Error(await Quotes.GetAsync(Get(), planless, Token));
        var noFrozen = Error(await Quotes.GetFrozenAsync(Get(), id, "1", Token));

        Assert.Equal((422, "rates_missing"), (missing.StatusCode, missing.Value!.Error.Code));
        Assert.Contains("material stainless_steel (bar stock)", missing.Value.Error.Message, StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, string> { ["group"] = "stainless_steel" }, missing.Value.Error.Params);
        Assert.Equal((422, "rates_missing"), (frozen.StatusCode, frozen.Value!.Error.Code));
        Assert.Empty(Assert.IsType<JsonHttpResult<FrozenQuoteList>>((await Quotes.ListAsync(Get(), id, Token)).Result).Value!.Items);
        Assert.Equal((400, "invalid_quantities"), (badQty.StatusCode, badQty.Value!.Error.Code));
        Assert.Equal((404, "not_found"), (unknown.StatusCode, unknown.Value!.Error.Code));
        Assert.Equal((404, "no_plan"), (noPlan.StatusCode, noPlan.Value!.Error.Code));
        Assert.Equal((404, "not_found"), (noFrozen.StatusCode, noFrozen.Value!.Error.Code));
    }

    private static T Ok<T>(Results<JsonHttpResult<T>, JsonHttpResult<ApiErrorBody>> result) => Assert.IsType<JsonHttpResult<T>>(result.Result).Value!;

    private static JsonHttpResult<ApiErrorBody> Error<T>(Results<JsonHttpResult<T>, JsonHttpResult<ApiErrorBody>> result) => Assert.IsType<JsonHttpResult<ApiErrorBody>>(result.Result);

    private static T Ok<T>(Results<JsonHttpResult<T>, FileContentHttpResult, JsonHttpResult<ApiErrorBody>> result) => Assert.IsType<JsonHttpResult<T>>(result.Result).Value!;

    private static JsonHttpResult<ApiErrorBody> Error<T>(Results<JsonHttpResult<T>, FileContentHttpResult, JsonHttpResult<ApiErrorBody>> result) =>
        Assert.IsType<JsonHttpResult<ApiErrorBody>>(result.Result);

    private static FileContentHttpResult Document<T>(Results<JsonHttpResult<T>, FileContentHttpResult, JsonHttpResult<ApiErrorBody>> result) =>
        Assert.IsType<FileContentHttpResult>(result.Result);

    private static HttpRequest Accepting(string accept, string query)
    {
        var request = Get(query);
        request.Headers.Accept = accept;
        return request;
    }

    private static string Json(ShopRates rates) => JsonSerializer.Serialize(rates, PlanningJson.Options);

    private static HttpRequest Get(string query = "")
    {
        var request = FunctionsHarness.Request("GET");
        request.QueryString = new QueryString(query.Length > 0 ? query : null);
        return request;
    }

    private static HttpRequest Put(string json, string? ifMatch)
    {
        var request = FunctionsHarness.Request("PUT", Encoding.UTF8.GetBytes(json), "application/json");
        if (ifMatch is not null)
        {
            request.Headers.IfMatch = ifMatch;
        }

        return request;
    }

    private static HttpRequest Admin(HttpRequest request)
    {
        CallerIdentity.SignedIn("petr@shop.example").AttachTo(request.HttpContext);
        return request;
    }

    private async Task<string> EstimateAsync(byte[]? pdf = null)
    {
        pdf ??= await File.ReadAllBytesAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), Token);
        var accepted = Assert.IsType<Accepted<EstimateAccepted>>((await _harness.Api.PostAsync(FunctionsHarness.Request("POST", pdf), _harness.Client, Token)).Result);
        var id = accepted.Location!.Split('/')[^1];
        await _harness.WaitAsync(id);
        return id;
    }
}
