using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Api.Handlers;
using TimeVision.Api.Http;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Functions.Triggers;
using TimeVision.Testing;
using TimeVision.Testing.LocalServices;

namespace TimeVision.Functions.Tests;

/// <summary>
/// <c>POST /api/history/imports</c> end to end on Azurite, the Cosmos DB server and the local Durable Task engine: past
/// drawings in a history container of the test's own, the times file as the body, the import run by its durable
/// orchestration, and <c>GET /api/history/imports/{id}</c> answering with the summary.
/// </summary>
[Collection(LocalServicesGroup.Name)]
public sealed class HistoryImportApiTests(AzuriteFixture azurite, CosmosFixture cosmos) : IAsyncLifetime
{
    private const int MaxImportBytes = 4096;
    private const int MaxImportRows = 20;
    private readonly string _container = $"history-{Guid.NewGuid():N}"[..40];
    private FunctionsHarness _harness = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private HistoryImportApi Api => ActivatorUtilities.CreateInstance<HistoryImportApi>(_harness.Services);

    public async ValueTask InitializeAsync()
    {
        _harness = await FunctionsHarness.StartAsync(azurite, cosmos, settings: new Dictionary<string, string?>
        {
            ["History:Container"] = _container,
            ["History:MaxImportBytes"] = MaxImportBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["History:MaxImportRows"] = MaxImportRows.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(_container);
        await container.CreateIfNotExistsAsync(cancellationToken: Token);
        foreach (var name in new[] { "odri-motor-shaft.pdf", "edocr-adapterplatte.pdf" })
        {
            await container.GetBlobClient(name).UploadAsync(RepositoryPaths.Sample(name), Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(_container).DeleteIfExistsAsync(cancellationToken: Token);
        await _harness.DisposeAsync();
    }

    [Fact]
    public async Task A_posted_times_file_imports_the_history_container_and_the_status_answers_the_summary()
    {
        var times = $"Soubor;Čas min;Zakázka\nodri-motor-shaft.pdf;2,5;Z1\nodri-motor-shaft.pdf;3,5;Z2\nedocr-adapterplatte.pdf;12;Z3\nchybí.pdf;4;Z4\nodri-motor-shaft.pdf;nic;Z5\n";

        var started = await StartAsync(times, "?aggregate=median&source=actual&file=zakazky.csv", "history-2024");
        await _harness.WaitAsync(started.ImportId);
        var again = await StartAsync(times, "?aggregate=median&source=actual&file=zakazky.csv", "history-2024");
        var (code, summary) = await StatusAsync(started.ImportId);

        Assert.Equal(("started", "already_started"), (started.Status, again.Status));
        Assert.Equal(started.ImportId, again.ImportId);
        Assert.Equal(200, code);
        Assert.Equal(5, summary.GetProperty("rows").GetInt32());
        Assert.Equal(3, summary.GetProperty("matched").GetInt32());
        Assert.Equal(2, summary.GetProperty("labelsAdded").GetInt32());
        Assert.Equal([6], summary.GetProperty("badRows").EnumerateArray().Select(r => r.GetProperty("line").GetInt32()));
        Assert.Equal([5], summary.GetProperty("unmatched").EnumerateArray().Select(r => r.GetProperty("line").GetInt32()));
        var shaft = summary.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("file").GetString() == "odri-motor-shaft.pdf");
        Assert.Equal((3.0, 2), (shaft.GetProperty("actualMin").GetDouble(), shaft.GetProperty("rows").GetInt32()));

        var stored = (await _harness.Services.GetRequiredService<IEstimateStore>().GetAsync(shaft.GetProperty("id").GetString()!, Token))!;
        Assert.Equal((DocumentStatus.Imported, DocumentSource.Import), (stored.Status, stored.Source));
        var label = Assert.Single(stored.Feedback!);
        Assert.Equal((3.0, FeedbackSource.Actual, "zakazky.csv"), (label.ActualMinutes, label.Source, label.Import!.TimesFile));
        Assert.Empty(_harness.Model.Requests);
    }

    [Fact]
    public async Task The_same_key_with_another_file_is_422_and_a_file_without_a_time_column_ends_as_422_missing_columns()
    {
        var started = await StartAsync("soubor;zakazka\nodri-motor-shaft.pdf;Z1\n", string.Empty, "no-times");
        await _harness.WaitAsync(started.ImportId);
        var (code, body) = await StatusAsync(started.ImportId);
        var reused = Assert.IsType<JsonHttpResult<ApiErrorBody>>((await Api.StartAsync(Request("soubor;cas_min\na.pdf;1\n", string.Empty, "no-times"), _harness.Client, Token)).Result);
        var unknown = await StatusAsync("import-00000000000000000000000000000000");

        Assert.Equal(422, code);
        Assert.Equal("missing_columns", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(422, reused.StatusCode);
        Assert.Equal(404, unknown.Code);
    }

    [Theory]
    [InlineData("?aggregate=mean")]
    [InlineData("?source=both")]
    [InlineData("?dryRun=maybe")]
    public async Task A_bad_option_is_400(string query)
    {
        var result = Assert.IsType<JsonHttpResult<ApiErrorBody>>((await Api.StartAsync(Request("file,actual_min\na.pdf,1\n", query, null), _harness.Client, Token)).Result);

        Assert.Equal(400, result.StatusCode);
    }

    [Fact]
    public async Task A_times_file_over_the_size_cap_is_413_unread_and_one_over_the_row_cap_ends_as_422_too_many_rows()
    {
        var large = "Soubor;Čas min\n" + string.Concat(Enumerable.Repeat("odri-motor-shaft.pdf;2,5\n", 200));
        var long21 = "Soubor;Čas min\n" + string.Concat(Enumerable.Repeat("odri-motor-shaft.pdf;2,5\n", MaxImportRows + 1));

        var tooLarge = Assert.IsType<JsonHttpResult<ApiErrorBody>>((await Api.StartAsync(Request(large, string.Empty, "too-large"), _harness.Client, Token)).Result);
        var started = await StartAsync(long21, string.Empty, "too-long");
        await _harness.WaitAsync(started.ImportId);
        var (code, body) = await StatusAsync(started.ImportId);

        Assert.Equal(413, tooLarge.StatusCode);
        Assert.Equal("times_file_too_large", JsonSerializer.SerializeToElement(tooLarge.Value).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal((422, "too_many_rows"), (code, body.GetProperty("error").GetProperty("code").GetString()));
        Assert.Null(await _harness.Services.GetRequiredService<IEstimateStore>().GetAsync(
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), Token))), Token));
    }

    private async Task<(string ImportId, string Status)> StartAsync(string times, string query, string? key)
    {
        var accepted = Assert.IsType<Accepted<HistoryImportAccepted>>((await Api.StartAsync(Request(times, query, key), _harness.Client, Token)).Result);
        var body = JsonSerializer.SerializeToElement(accepted.Value, JsonSerializerOptions.Web);
        var importId = body.GetProperty("importId").GetString()!;
        Assert.EndsWith($"/api/history/imports/{importId}", accepted.Location, StringComparison.Ordinal);
        return (importId, body.GetProperty("status").GetString()!);
    }

    private async Task<(int Code, JsonElement Body)> StatusAsync(string importId)
    {
        var result = (await Api.GetAsync(FunctionsHarness.Request("GET"), importId, _harness.Client, Token)).Result;
        return (Assert.IsAssignableFrom<IStatusCodeHttpResult>(result).StatusCode ?? 200, JsonSerializer.SerializeToElement(Assert.IsAssignableFrom<IValueHttpResult>(result).Value, JsonSerializerOptions.Web));
    }

    private static HttpRequest Request(string times, string query, string? key)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var request = FunctionsHarness.Request("POST", Encoding.GetEncoding(1250).GetBytes(times), "text/csv");
        request.QueryString = new QueryString(query);
        if (key is not null)
        {
            request.Headers[FineTuneApi.IdempotencyKeyHeader] = key;
        }

        return request;
    }
}
