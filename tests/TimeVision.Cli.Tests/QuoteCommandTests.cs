using System.Globalization;
using CsvHelper;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Testing;

namespace TimeVision.Cli.Tests;

/// <summary>
/// <c>timevision quote</c> and <c>timevision rates</c> on an estimate of the sample plate (offline), whose stock the
/// estimator completes: batch prices as text and JSON, frozen price sets that outlive a rates change, and the rates'
/// versions, checks and guard.
/// </summary>
public sealed class QuoteCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_quote_prints_each_batch_rounded_to_the_haler_and_json_carries_the_contract()
    {
        var id = await PriceableEstimateAsync();

        var text = await CliRunner.InvokeAsync("quote", id, "--qty", "1,10,50,100,500", "--data", _folder.Path);
        var json = await CliRunner.InvokeAsync("quote", id, "--qty", "1,10,50,100,500", "--data", _folder.Path, "--json");

        Assert.True(text.ExitCode == 0, text.Stdout + text.Stderr);
        Assert.True(json.ExitCode == 0, json.Stdout + json.Stderr);
        var quote = json.Json;
        Assert.Equal("CZK", quote.GetProperty("currency").GetString());
        Assert.Equal(("steel", "block"), (quote.GetProperty("stock").GetProperty("materialGroup").GetString(), quote.GetProperty("stock").GetProperty("shape").GetString()));
        Assert.Equal(2m * 2m * 0.3m * 7.85m, quote.GetProperty("stock").GetProperty("weightKg").GetDecimal());   // 200 × 200 × 30 mm = 1.2 dm³ of steel
        Assert.All(quote.GetProperty("operations").EnumerateArray(), o => Assert.True(o.TryGetProperty("workCentre", out _) && o.TryGetProperty("setupMin", out _) && o.TryGetProperty("cycleMin", out _)));
        Assert.StartsWith("defaults/", quote.GetProperty("ratesVersion").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, quote.GetProperty("planVersion").GetInt32());
        var batches = quote.GetProperty("batches").EnumerateArray().ToList();
        Assert.Equal([1, 10, 50, 100, 500], batches.Select(b => b.GetProperty("quantity").GetInt32()));
        var unitPrices = batches.Select(b => b.GetProperty("unitPrice").GetDecimal()).ToList();
        Assert.Equal(unitPrices.OrderDescending(), unitPrices);
        foreach (var batch in batches)
        {
            var total = batch.GetProperty("total").GetDecimal();
            Assert.Equal(batch.GetProperty("machineCost").GetDecimal() + batch.GetProperty("materialCost").GetDecimal() + batch.GetProperty("cooperationCost").GetDecimal(), total);
            Assert.Contains(Shown(total), text.Stdout, StringComparison.Ordinal);
            Assert.Contains(Shown(batch.GetProperty("unitPrice").GetDecimal()), text.Stdout, StringComparison.Ordinal);
        }

        Assert.Contains("Batches (CZK, without VAT)", text.Stdout, StringComparison.Ordinal);
        Assert.Contains($"Rates {quote.GetProperty("ratesVersion").GetString()}", text.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_frozen_quote_is_shown_unchanged_after_the_rates_change_and_a_newer_one_supersedes_it()
    {
        var id = await PriceableEstimateAsync();

        var frozen = await CliRunner.InvokeAsync("quote", id, "--qty", "1,50", "--freeze", "--by", "jana", "--data", _folder.Path, "--json");
        var rates = JsonNode.Parse((await CliRunner.InvokeAsync("rates", "show", "--data", _folder.Path, "--json")).Stdout)!;
        rates["coefficients"]!["margin"] = 1.5;
        var set = await CliRunner.InvokeAsync("rates", "set", Write("rates.json", rates.ToJsonString()), "--by", "petr", "--data", _folder.Path);
        var again = await CliRunner.InvokeAsync("quote", id, "--qty", "1,50", "--freeze", "--data", _folder.Path, "--json");
        var first = await CliRunner.InvokeAsync("quote", id, "--frozen", "1", "--data", _folder.Path, "--json");
        var list = await CliRunner.InvokeAsync("quote", id, "--list", "--data", _folder.Path, "--json");
        var table = await CliRunner.InvokeAsync("quote", id, "--list", "--data", _folder.Path);

        Assert.True(frozen.ExitCode == 0, frozen.Stdout + frozen.Stderr);
        Assert.Equal((1, "jana"), (frozen.Json.GetProperty("id").GetInt32(), frozen.Json.GetProperty("frozenBy").GetString()));
        Assert.Equal((0, "shop-1"), (set.ExitCode, set.Json.GetProperty("version").GetString()));
        Assert.Equal((2, 1, "shop-1"), (again.Json.GetProperty("id").GetInt32(), again.Json.GetProperty("supersedes").GetInt32(), again.Json.GetProperty("quote").GetProperty("ratesVersion").GetString()));
        Assert.Equal(Batches(frozen.Json), Batches(first.Json));
        Assert.Equal(2, first.Json.GetProperty("supersededBy").GetInt32());
        Assert.Equal(Cost(frozen.Json, "machineCost") * 1.5m / 1.25m, Cost(again.Json, "machineCost"), 4);   // the margin went from 1.25 to 1.5
        Assert.Equal(Cost(frozen.Json, "materialCost"), Cost(again.Json, "materialCost"));
        var items = list.Json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([(1, 0, 2), (2, 1, 0)], items.Select(i => (i.GetProperty("id").GetInt32(), Number(i, "supersedes"), Number(i, "supersededBy"))));
        Assert.Contains("Frozen quotes", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("jana", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_quote_writes_a_czech_pdf_offer_and_a_czech_excel_csv_and_a_frozen_quote_prints_in_english_with_its_number()
    {
        var id = await PriceableEstimateAsync();
        var pdf = Path.Combine(_folder.Path, "nabidka.pdf");
        var csv = Path.Combine(_folder.Path, "erp.csv");
        var frozenPdf = Path.Combine(_folder.Path, "quote-1.pdf");

        var run = await CliRunner.InvokeAsync(
            "quote", id, "--qty", "1,10", "--pdf", pdf, "--csv", csv, "--csv-dialect", "czech", "--customer", "Žďárské strojírny a.s.", "--request-number", "P-77", "--data", _folder.Path, "--json");
        var freeze = await CliRunner.InvokeAsync("quote", id, "--qty", "1,10", "--freeze", "--data", _folder.Path);
        var frozen = await CliRunner.InvokeAsync("quote", id, "--frozen", "1", "--pdf", frozenPdf, "--lang", "en", "--data", _folder.Path);
        var badLanguage = await CliRunner.InvokeAsync("quote", id, "--pdf", pdf, "--lang", "de", "--data", _folder.Path);
        var badDialect = await CliRunner.InvokeAsync("quote", id, "--csv", csv, "--csv-dialect", "excel", "--data", _folder.Path);

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var offer = await PdfText.ReadAsync(await File.ReadAllBytesAsync(pdf, Token), Token);
        Assert.Contains("Cenová nabídka", offer, StringComparison.Ordinal);
        Assert.Contains("Žďárské strojírny a.s.", offer, StringComparison.Ordinal);
        Assert.Contains("P-77", offer, StringComparison.Ordinal);
        var batches = run.Json.GetProperty("batches").EnumerateArray().ToList();
        var ten = Math.Round(batches[1].GetProperty("total").GetDecimal(), 2, MidpointRounding.AwayFromZero);
        Assert.Contains(ten.ToString("#,0.00", CultureInfo.InvariantCulture).Replace(',', ' ').Replace('.', ',') + " Kč", offer, StringComparison.Ordinal);
        using (var rows = CsvReader.FromFile(csv, CsvReaderOptions.Default with { Separator = ';' }))
        {
            var read = new List<(string Quantity, string BatchPrice)>();
            while (rows.Read())
            {
                read.Add((rows.GetString("quantity"), rows.GetString("batch_price")));
            }

            Assert.Equal(2 * run.Json.GetProperty("operations").GetArrayLength(), read.Count);
            Assert.All(read.Where(r => r.Quantity == "10"), r => Assert.Equal(ten, decimal.Parse(r.BatchPrice, new NumberFormatInfo { NumberDecimalSeparator = "," })));
        }

        Assert.True(freeze.ExitCode == 0 && frozen.ExitCode == 0, freeze.Stderr + frozen.Stderr);
        var english = await PdfText.ReadAsync(await File.ReadAllBytesAsync(frozenPdf, Token), Token);
        Assert.Contains("Quotation No. 1", english, StringComparison.Ordinal);
        Assert.Contains(" CZK", english, StringComparison.Ordinal);
        Assert.Equal((2, "invalid_language"), (badLanguage.ExitCode, badLanguage.Json.GetProperty("error").GetProperty("code").GetString()));
        Assert.Equal((2, "invalid_csv_dialect"), (badDialect.ExitCode, badDialect.Json.GetProperty("error").GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Rates_set_refuses_a_file_read_from_an_older_version_and_a_file_that_breaks_a_rule()
    {
        var shown = (await CliRunner.InvokeAsync("rates", "show", "--data", _folder.Path, "--json")).Stdout;
        await CliRunner.InvokeAsync("rates", "set", Write("first.json", shown), "--data", _folder.Path);
        var shopOne = (await CliRunner.InvokeAsync("rates", "show", "--data", _folder.Path, "--json")).Stdout;
        var second = await CliRunner.InvokeAsync("rates", "set", Write("second.json", shopOne), "--data", _folder.Path);
        var late = await CliRunner.InvokeAsync("rates", "set", Write("late.json", shopOne), "--data", _folder.Path);
        var defaults = await CliRunner.InvokeAsync("rates", "set", Write("defaults.json", shown), "--data", _folder.Path);
        var broken = JsonNode.Parse(shopOne)!;
        broken["coefficients"]!["ke"] = 0;
        var invalid = await CliRunner.InvokeAsync("rates", "set", Write("broken.json", broken.ToJsonString()), "--data", _folder.Path);

        Assert.Equal((0, "shop-2"), (second.ExitCode, second.Json.GetProperty("version").GetString()));
        Assert.Equal((4, "stale_token"), (late.ExitCode, late.Json.GetProperty("error").GetProperty("code").GetString()));
        Assert.Contains("shop-2 is current", late.Json.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal((4, "stale_token"), (defaults.ExitCode, defaults.Json.GetProperty("error").GetProperty("code").GetString()));
        Assert.Equal((2, "invalid_value"), (invalid.ExitCode, invalid.Json.GetProperty("error").GetProperty("code").GetString()));
        Assert.Contains("broken.json: field $.coefficients.ke", invalid.Json.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("Rates shop-2 (set ", (await CliRunner.InvokeAsync("rates", "show", "--data", _folder.Path)).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_centre_without_rates_is_rates_missing_a_stock_without_height_no_stock_and_neither_is_priced()
    {
        var id = await EstimateAsync();
        var noStock = await CliRunner.InvokeAsync("quote", id, "--data", _folder.Path, "--qty", "5");
        await CompleteStockAsync(id);
        var rates = JsonNode.Parse((await CliRunner.InvokeAsync("rates", "show", "--data", _folder.Path, "--json")).Stdout)!;
        foreach (var centre in rates["workCentres"]!.AsArray().Where(c => c!["id"]!.GetValue<string>() == "80000008"))
        {
            centre!.AsObject().Remove("toolsPerHour");
        }

        await CliRunner.InvokeAsync("rates", "set", Write("rates.json", rates.ToJsonString()), "--data", _folder.Path);
        var missing = await CliRunner.InvokeAsync("quote", id, "--data", _folder.Path);
        var badQty = await CliRunner.InvokeAsync("quote", id, "--data", _folder.Path, "--qty", "5,0");

        Assert.Equal((3, "rates_missing"), (missing.ExitCode, missing.Json.GetProperty("error").GetProperty("code").GetString()));
        Assert.Contains("work centre 80000008 (MILLTAP 700 + WH3): toolsPerHour", missing.Json.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("batches", missing.Stdout, StringComparison.Ordinal);
        Assert.Equal((3, "no_stock"), (noStock.ExitCode, noStock.Json.GetProperty("error").GetProperty("code").GetString()));
        Assert.Contains("heightMm", noStock.Json.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal((2, "invalid_quantities"), (badQty.ExitCode, badQty.Json.GetProperty("error").GetProperty("code").GetString()));
    }

    [Fact]
    public async Task The_rates_work_centres_are_the_ones_plan_uses_one_list_not_two()
    {
        var features = Write("part.json", """
            { "partType": "PRI", "materialGroup": "steel", "stock": { "shape": "block", "lengthMm": 120, "widthMm": 80, "heightMm": 30 },
              "features": [ { "id": "f1", "type": "pocket_milling", "lengthMm": 60, "widthMm": 40, "depthMm": 8 } ] }
            """);
        var before = await CliRunner.InvokeAsync("plan", "--features", features, "--data", _folder.Path, "--json");
        var rates = JsonNode.Parse((await CliRunner.InvokeAsync("rates", "show", "--data", _folder.Path, "--json")).Stdout)!;
        rates["workCentres"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == "80000008")!["active"] = false;
        await CliRunner.InvokeAsync("rates", "set", Write("rates.json", rates.ToJsonString()), "--data", _folder.Path);

        var after = await CliRunner.InvokeAsync("plan", "--features", features, "--data", _folder.Path, "--json");

        Assert.Contains(Centres(before.Json), c => c == "80000008");
        Assert.DoesNotContain(Centres(after.Json), c => c == "80000008");
    }

    private static IEnumerable<string?> Centres(JsonElement plan) => plan.GetProperty("operations").EnumerateArray().Select(o => o.GetProperty("workCentre").GetString());

    private static string Shown(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("#,0.00", CultureInfo.InvariantCulture);

    private static IEnumerable<decimal> Batches(JsonElement frozen) =>
        frozen.GetProperty("quote").GetProperty("batches").EnumerateArray().Select(b => b.GetProperty("total").GetDecimal());

    private static decimal Cost(JsonElement frozen, string name) => frozen.GetProperty("quote").GetProperty("batches")[0].GetProperty(name).GetDecimal();

    private static int Number(JsonElement item, string name) => item.TryGetProperty(name, out var value) ? value.GetInt32() : 0;

    private async Task<string> EstimateAsync()
    {
        var estimate = await CliRunner.InvokeAsync("estimate", RepositoryPaths.Sample("edocr-adapterplatte.pdf"), "--offline", "--data", _folder.Path, "--json");
        Assert.True(estimate.ExitCode == 0, estimate.Stderr);
        return estimate.Json.GetProperty("id").GetString()!;
    }

    /// <summary>The sample plate estimated offline (its stock 200 × 200 mm, no height), with the estimator's correction giving the stock's height.</summary>
    private async Task<string> PriceableEstimateAsync()
    {
        var id = await EstimateAsync();
        await CompleteStockAsync(id);
        return id;
    }

    private async Task CompleteStockAsync(string id)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Storage:DataDirectory", _folder.Path)]).Build();
        await using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddTimeVisionCore().BuildServiceProvider();
        var etag = (await services.GetRequiredService<IEstimateStore>().GetAsync(id, Token))!.ETag!;
        var stock = new FeatureSet { Stock = new Stock { Shape = StockShape.Block, LengthMm = 200, WidthMm = 200, HeightMm = 30 } };
        var corrected = await services.GetRequiredService<EstimatePlans>().CorrectAsync(id, stock, "jana", etag, Token);
        Assert.Equal(FeatureCorrectionOutcome.Saved, corrected.Outcome);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder.Path, name);
        File.WriteAllText(path, text);
        return path;
    }
}
