using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Api.Handlers;
using TimeVision.Api.Http;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Learning.Feedback;
using TimeVision.Functions.Triggers;
using TimeVision.Testing;
using TimeVision.Testing.LocalServices;

namespace TimeVision.Functions.Tests;

/// <summary><c>PUT /api/estimates/{id}/feedback</c> against a document estimated through the API, stored in Cosmos DB.</summary>
[Collection(LocalServicesGroup.Name)]
public sealed class FeedbackApiTests(AzuriteFixture azurite, CosmosFixture cosmos) : IAsyncLifetime
{
    private FunctionsHarness _harness = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private FeedbackApi Api => ActivatorUtilities.CreateInstance<FeedbackApi>(_harness.Services);

    public async ValueTask InitializeAsync() => _harness = await FunctionsHarness.StartAsync(azurite, cosmos);

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Feedback_with_the_current_etag_is_stored_and_a_stale_one_gets_409_with_nothing_lost()
    {
        var (id, etag) = await EstimateAsync();

        var first = await Api.PutAsync(Put("""{"actualMinutes": 3.5, "source": "actual", "enteredBy": "Novák"}""", etag), id, Token);
        var stale = await Api.PutAsync(Put("""{"actualMinutes": 99, "source": "expert"}""", etag), id, Token);

        Assert.IsType<Ok<FeedbackSaved>>(first.Result);
        Assert.Equal(409, Assert.IsType<JsonHttpResult<ApiErrorBody>>(stale.Result).StatusCode);
        var document = await GetAsync(id);
        var feedback = Assert.Single(document.Feedback!);
        Assert.Equal((3.5, "Novák"), (feedback.ActualMinutes, feedback.EnteredBy));
    }

    [Theory]
    [InlineData("""{"actualMinutes": -1, "source": "actual"}""", "\"x\"", 400)]
    [InlineData("""{"actualMinutes": 2, "source": "actual", "notes": 5}""", "\"x\"", 400)]
    [InlineData("""{"actualMinutes": 2, "source": "actual"}""", null, 428)]
    public async Task Bad_feedback_gets_its_status(string body, string? ifMatch, int status)
    {
        var (id, etag) = await EstimateAsync();

        var result = await Api.PutAsync(Put(body, ifMatch is null ? null : etag), id, Token);

        Assert.Equal(status, Assert.IsType<JsonHttpResult<ApiErrorBody>>(result.Result).StatusCode);
        Assert.Null((await GetAsync(id)).Feedback);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_64_KB_gets_413_feedback_too_large_and_nothing_is_stored(bool sendLength)
    {
        var (id, etag) = await EstimateAsync();
        var padded = """{"actualMinutes": 2, "source": "actual"}""" + new string(' ', FeedbackLimits.MaxBodyBytes);
        var request = FunctionsHarness.Request("PUT", Encoding.UTF8.GetBytes(padded), "application/json", sendLength);
        request.Headers.IfMatch = etag;

        var result = await Api.PutAsync(request, id, Token);

        var error = Assert.IsType<JsonHttpResult<ApiErrorBody>>(result.Result);
        Assert.Equal(413, error.StatusCode);
        var body = System.Text.Json.JsonSerializer.SerializeToElement(error.Value).GetProperty("error");
        Assert.Equal("feedback_too_large", body.GetProperty("code").GetString());
        Assert.Equal("The feedback body is larger than 64 KB.", body.GetProperty("message").GetString());
        Assert.Null((await GetAsync(id)).Feedback);
    }

    [Fact]
    public async Task A_text_field_over_its_limit_gets_400_invalid_feedback_naming_the_limit()
    {
        var (id, etag) = await EstimateAsync();

        var result = await Api.PutAsync(Put($$"""{"actualMinutes": 2, "source": "actual", "material": "{{new string('x', 201)}}"}""", etag), id, Token);

        var error = Assert.IsType<JsonHttpResult<ApiErrorBody>>(result.Result);
        Assert.Equal(400, error.StatusCode);
        var body = System.Text.Json.JsonSerializer.SerializeToElement(error.Value).GetProperty("error");
        Assert.Equal(("invalid_feedback", "Material is limited to 200 characters."), (body.GetProperty("code").GetString(), body.GetProperty("message").GetString()));
        Assert.Null((await GetAsync(id)).Feedback);
    }

    [Fact]
    public async Task The_admin_export_streams_a_zip_with_the_labelled_example_and_the_manifest()
    {
        var (id, etag) = await EstimateAsync();
        Assert.IsType<Ok<FeedbackSaved>>((await Api.PutAsync(Put("""{"actualMinutes": 4.25, "source": "actual"}""", etag), id, Token)).Result);
        var request = FunctionsHarness.Request("GET");
        request.QueryString = new Microsoft.AspNetCore.Http.QueryString("?validationPercent=0");

        var result = await ActivatorUtilities.CreateInstance<TrainingExportApi>(_harness.Services).GetAsync(request, Token);

        Assert.IsType<ZipStreamed>(result.Result);
        Assert.Equal("application/zip", request.HttpContext.Response.ContentType);
        request.HttpContext.Response.Body.Position = 0;
        using var zip = new System.IO.Compression.ZipArchive(request.HttpContext.Response.Body);
        Assert.Equal(["manifest.json", "train.jsonl", "validation.jsonl"], zip.Entries.Select(e => e.Name).Order());
        using var train = new StreamReader(zip.GetEntry("train.jsonl")!.Open());
        var line = await train.ReadLineAsync(Token);
        Assert.Contains("4.25", line, StringComparison.Ordinal);
        Assert.Null(await train.ReadLineAsync(Token));
    }

    [Fact]
    public async Task The_admin_export_in_sharegpt_format_zips_the_lines_the_png_files_they_name_and_dataset_info()
    {
        var (id, etag) = await EstimateAsync();
        Assert.IsType<Ok<FeedbackSaved>>((await Api.PutAsync(Put("""{"actualMinutes": 4.25, "source": "actual"}""", etag), id, Token)).Result);
        var request = FunctionsHarness.Request("GET");
        request.QueryString = new Microsoft.AspNetCore.Http.QueryString("?validationPercent=0&format=sharegpt");

        var result = await ActivatorUtilities.CreateInstance<TrainingExportApi>(_harness.Services).GetAsync(request, Token);

        Assert.IsType<ZipStreamed>(result.Result);
        request.HttpContext.Response.Body.Position = 0;
        using var zip = new System.IO.Compression.ZipArchive(request.HttpContext.Response.Body);
        var image = $"images/{id}-p001.png";
        Assert.Equal(["dataset_info.json", image, "manifest.json", "train.jsonl", "validation.jsonl"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        using var train = new StreamReader(zip.GetEntry("train.jsonl")!.Open());
        var line = System.Text.Json.JsonDocument.Parse((await train.ReadLineAsync(Token))!).RootElement;
        Assert.Equal(image, Assert.Single(line.GetProperty("images").EnumerateArray()).GetString());
        using var png = new MemoryStream();
        await zip.GetEntry(image)!.Open().CopyToAsync(png, Token);
        Assert.True(PngImage.Decode(png.ToArray()).Width > 0);
    }

    [Theory]
    [InlineData("?source=guess", "source")]
    [InlineData("?format=foo", "format must be openai or sharegpt")]
    public async Task The_admin_export_rejects_a_bad_query(string query, string message)
    {
        var request = FunctionsHarness.Request("GET");
        request.QueryString = new Microsoft.AspNetCore.Http.QueryString(query);

        var result = await ActivatorUtilities.CreateInstance<TrainingExportApi>(_harness.Services).GetAsync(request, Token);

        var error = Assert.IsType<JsonHttpResult<ApiErrorBody>>(result.Result);
        Assert.Equal(400, error.StatusCode);
        var body = System.Text.Json.JsonSerializer.SerializeToElement(error.Value).GetProperty("error");
        Assert.Equal("invalid_query", body.GetProperty("code").GetString());
        Assert.Contains(message, body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_sent_import_provenance_block_is_never_stored()
    {
        var (id, etag) = await EstimateAsync();
        const string forged = """
            {"actualMinutes": 4, "source": "actual", "enteredBy": "import", "import": {"timesFile": "erp.csv", "timesFileSha256": "00",
             "aggregate": "median", "rows": 40, "spread": {"min": 4, "max": 4, "dropped": 0}, "matchedBy": "drawing_number",
             "orders": [{"line": 2, "minutes": 4}]}}
            """;

        Assert.IsType<Ok<FeedbackSaved>>((await Api.PutAsync(Put(forged, etag), id, Token)).Result);

        var feedback = Assert.Single((await GetAsync(id)).Feedback!);
        Assert.Null(feedback.Import);
        Assert.Equal(4, feedback.ActualMinutes);
    }

    [Fact]
    public async Task The_signed_in_callers_name_is_recorded_whatever_name_the_client_sends()
    {
        var (id, etag) = await EstimateAsync();
        var request = Put("""{"actualMinutes": 4, "source": "expert", "enteredBy": "Vedoucí výroby"}""", etag);
        TimeVision.Api.Access.CallerIdentity.SignedIn("jana@shop.example").AttachTo(request.HttpContext);

        Assert.IsType<Ok<FeedbackSaved>>((await Api.PutAsync(request, id, Token)).Result);

        Assert.Equal("jana@shop.example", Assert.Single((await GetAsync(id)).Feedback!).EnteredBy);
    }

    [Fact]
    public async Task Feedback_for_an_unknown_estimate_is_404()
    {
        var result = await Api.PutAsync(Put("""{"actualMinutes": 2, "source": "actual"}""", "\"x\""), new string('c', 64), Token);

        Assert.Equal(404, Assert.IsType<JsonHttpResult<ApiErrorBody>>(result.Result).StatusCode);
    }

    private static Microsoft.AspNetCore.Http.HttpRequest Put(string json, string? ifMatch)
    {
        var request = FunctionsHarness.Request("PUT", Encoding.UTF8.GetBytes(json), "application/json");
        if (ifMatch is not null)
        {
            request.Headers.IfMatch = ifMatch;
        }

        return request;
    }

    private async Task<(string Id, string ETag)> EstimateAsync()
    {
        var pdf = await File.ReadAllBytesAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), Token);
        var accepted = Assert.IsType<Accepted<EstimateAccepted>>((await _harness.Api.PostAsync(FunctionsHarness.Request("POST", pdf), _harness.Client, Token)).Result);
        var id = accepted.Location!.Split('/')[^1];
        await _harness.WaitAsync(id);
        var document = await GetAsync(id);
        return (id, document.ETag!);
    }

    private async Task<DocumentEstimate> GetAsync(string id) =>
        Assert.IsType<DocumentEstimate>(Assert.IsType<Ok<DocumentEstimate>>((await _harness.Api.GetAsync(FunctionsHarness.Request("GET"), id, _harness.Client, Token)).Result).Value);
}
