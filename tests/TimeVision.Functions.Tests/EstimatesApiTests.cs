using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TimeVision.Api.Handlers;
using TimeVision.Api.Http;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Testing;
using TimeVision.Testing.LocalServices;

namespace TimeVision.Functions.Tests;

/// <summary>The HTTP functions, called with real requests and real dependencies.</summary>
[Collection(LocalServicesGroup.Name)]
public sealed class EstimatesApiTests(AzuriteFixture azurite, CosmosFixture cosmos) : IAsyncLifetime
{
    private FunctionsHarness _harness = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _harness = await FunctionsHarness.StartAsync(azurite, cosmos, maxPdfBytes: 2 * 1024 * 1024);

    public async ValueTask DisposeAsync()
    {
        Assert.Empty(_harness.Model.Violations);
        await _harness.DisposeAsync();
    }

    [Fact]
    public async Task Upload_answers_202_then_polling_gives_the_stored_estimate()
    {
        var pdf = await File.ReadAllBytesAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), Token);

        var posted = await _harness.Api.PostAsync(FunctionsHarness.Request("POST", pdf), _harness.Client, Token);

        var accepted = Assert.IsType<Accepted<EstimateAccepted>>(posted.Result);
        var id = Property(accepted.Value, "id");
        Assert.Equal($"https://timevision.example/api/estimates/{id}", accepted.Location);
        await _harness.WaitAsync(id);
        var got = await _harness.Api.GetAsync(FunctionsHarness.Request("GET"), id, _harness.Client, Token);
        var document = Assert.IsType<DocumentEstimate>(Assert.IsType<Ok<DocumentEstimate>>(got.Result).Value);
        Assert.Equal((DocumentStatus.Completed, 2.4), (document.Status, document.TotalEstimatedMinutes));
        Assert.Equal("http", Core.Json.JsonCode.Of(document.Source));
        Assert.Single(_harness.Model.Requests);
    }

    [Fact]
    public async Task The_file_name_is_stored_without_path_parts_or_control_characters()
    {
        var pdf = await File.ReadAllBytesAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), Token);
        var request = FunctionsHarness.Request("POST", pdf);
        request.QueryString = new Microsoft.AspNetCore.Http.QueryString("?name=..%5C..%5Cshared%5Cbra%07cket%1B.pdf");

        var accepted = Assert.IsType<Accepted<EstimateAccepted>>((await _harness.Api.PostAsync(request, _harness.Client, Token)).Result);
        var id = Property(accepted.Value, "id");
        await _harness.WaitAsync(id);

        var got = await _harness.Api.GetAsync(FunctionsHarness.Request("GET"), id, _harness.Client, Token);
        Assert.Equal("bracket.pdf", Assert.IsType<DocumentEstimate>(Assert.IsType<Ok<DocumentEstimate>>(got.Result).Value).FileName);
    }

    [Fact]
    public async Task Without_a_key_or_a_named_model_the_app_estimates_offline_and_says_so_like_the_cli()
    {
        await _harness.DisposeAsync();
        _harness = await FunctionsHarness.StartAsync(azurite, cosmos, settings: new Dictionary<string, string?> { ["Vision:ApiKey"] = "" });
        var pdf = await File.ReadAllBytesAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), Token);

        var accepted = Assert.IsType<Accepted<EstimateAccepted>>((await _harness.Api.PostAsync(FunctionsHarness.Request("POST", pdf), _harness.Client, Token)).Result);
        var id = Property(accepted.Value, "id");
        await _harness.WaitAsync(id);
        var got = await _harness.Api.GetAsync(FunctionsHarness.Request("GET"), id, _harness.Client, Token);

        Assert.Equal("offline", Property(accepted.Value, "model"));
        Assert.Contains("offline estimate", Property(accepted.Value, "notice"), StringComparison.Ordinal);
        var document = Assert.IsType<DocumentEstimate>(Assert.IsType<Ok<DocumentEstimate>>(got.Result).Value);
        Assert.Equal("offline", Assert.Single(document.Models).Model);
        Assert.Empty(_harness.Model.Requests);
    }

    [Fact]
    public async Task A_named_model_that_cannot_be_reached_is_refused_with_503_and_nothing_is_started()
    {
        await _harness.DisposeAsync();
        _harness = await FunctionsHarness.StartAsync(azurite, cosmos, settings: new Dictionary<string, string?> { ["Vision:ApiKey"] = "", ["Vision:Model"] = "gpt-4.1" });

        var posted = Assert.IsType<JsonHttpResult<ApiErrorBody>>((await _harness.Api.PostAsync(FunctionsHarness.Request("POST", TestPdfs.WithPages(1)), _harness.Client, Token)).Result);

        Assert.Equal(503, posted.StatusCode);
        Assert.Contains("missing_api_key", JsonSerializer.Serialize(posted.Value), StringComparison.Ordinal);
        Assert.Empty(_harness.Model.Requests);
    }

    [Fact]
    public async Task A_stored_estimate_is_not_started_again_unless_forced()
    {
        var pdf = TestPdfs.WithPages(1, widthMm: 321);
        var first = Property(Assert.IsType<Accepted<EstimateAccepted>>((await _harness.Api.PostAsync(FunctionsHarness.Request("POST", pdf), _harness.Client, Token)).Result).Value, "id");
        await _harness.WaitAsync(first);

        var again = Assert.IsType<Accepted<EstimateAccepted>>((await _harness.Api.PostAsync(FunctionsHarness.Request("POST", pdf), _harness.Client, Token)).Result);
        var forcedRequest = FunctionsHarness.Request("POST", pdf);
        forcedRequest.QueryString = new Microsoft.AspNetCore.Http.QueryString("?force=true");
        var forced = Assert.IsType<Accepted<EstimateAccepted>>((await _harness.Api.PostAsync(forcedRequest, _harness.Client, Token)).Result);
        await _harness.WaitAsync(first);

        Assert.Equal(("already_estimated", "started"), (Property(again.Value, "status"), Property(forced.Value, "status")));
        Assert.Equal(2, _harness.Model.Requests.Count);
    }

    [Fact]
    public async Task While_running_the_status_is_202_with_progress()
    {
        _harness.Model.Fallback = _ => Testing.FakeOpenAI.FakeReply.Slow(Testing.FakeOpenAI.SampleEstimates.ShaftJson(), TimeSpan.FromSeconds(3));
        var pdf = TestPdfs.WithPages(2);
        var id = Property(Assert.IsType<Accepted<EstimateAccepted>>((await _harness.Api.PostAsync(FunctionsHarness.Request("POST", pdf), _harness.Client, Token)).Result).Value, "id");

        var during = await _harness.Api.GetAsync(FunctionsHarness.Request("GET"), id, _harness.Client, Token);

        var accepted = Assert.IsType<Accepted<EstimateRunning>>(during.Result);
        Assert.Equal("running", Property(accepted.Value, "status"));
        await _harness.WaitAsync(id);
        Assert.IsType<Ok<DocumentEstimate>>((await _harness.Api.GetAsync(FunctionsHarness.Request("GET"), id, _harness.Client, Token)).Result);
    }

    [Fact]
    public async Task The_same_pdf_uploaded_twice_is_one_orchestration_and_one_model_call_per_page()
    {
        var pdf = TestPdfs.WithPages(2);

        var first = Assert.IsType<Accepted<EstimateAccepted>>((await _harness.Api.PostAsync(FunctionsHarness.Request("POST", pdf), _harness.Client, Token)).Result);
        var second = Assert.IsType<Accepted<EstimateAccepted>>((await _harness.Api.PostAsync(FunctionsHarness.Request("POST", pdf), _harness.Client, Token)).Result);
        await _harness.WaitAsync(Property(first.Value, "id"));
        var third = Assert.IsType<Accepted<EstimateAccepted>>((await _harness.Api.PostAsync(FunctionsHarness.Request("POST", pdf), _harness.Client, Token)).Result);

        Assert.Equal(Property(first.Value, "id"), Property(second.Value, "id"));
        Assert.Equal(Property(first.Value, "id"), Property(third.Value, "id"));
        Assert.Equal([true, false, false], new[] { first, second, third }.Select(r => Started(r.Value)));
        Assert.Equal(2, _harness.Model.Requests.Count);
    }

    public static TheoryData<string, byte[], string?, bool, int, string> BadUploads => new()
    {
        { "empty", [], "application/pdf", true, 400, "not_pdf" },
        { "not a PDF", "hello, this is a letter"u8.ToArray(), "application/pdf", true, 400, "not_pdf" },
        { "too large by Content-Length", new byte[3 * 1024 * 1024], "application/pdf", true, 413, "too_large" },
        { "too large, chunked", [.. "%PDF-1.7\n"u8, .. new byte[3 * 1024 * 1024]], "application/pdf", false, 413, "too_large" },
        { "wrong content type", "%PDF-1.7"u8.ToArray(), "image/png", true, 415, "unsupported_media_type" },
        { "no content type", "%PDF-1.7"u8.ToArray(), null, true, 415, "unsupported_media_type" },
    };

    [Theory]
    [MemberData(nameof(BadUploads))]
    public async Task Bad_uploads_get_their_status_and_error_code(string description, byte[] body, string? contentType, bool sendLength, int status, string code)
    {
        var result = await _harness.Api.PostAsync(FunctionsHarness.Request("POST", body, contentType, sendLength), _harness.Client, Token);

        var objectResult = Assert.IsType<JsonHttpResult<ApiErrorBody>>(result.Result);
        Assert.True(objectResult.StatusCode == status, $"{description}: {objectResult.StatusCode}");
        Assert.Equal(code, JsonDocument.Parse(JsonSerializer.Serialize(objectResult.Value, JsonSerializerOptions.Web)).RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Empty(_harness.Model.Requests);
    }

    [Fact]
    public async Task A_refusal_carries_the_values_its_message_names_so_a_page_can_word_it_in_its_own_language()
    {
        var result = await _harness.Api.PostAsync(FunctionsHarness.Request("POST", new byte[3 * 1024 * 1024]), _harness.Client, Token);

        var error = JsonSerializer.SerializeToElement(Assert.IsType<JsonHttpResult<ApiErrorBody>>(result.Result).Value, JsonSerializerOptions.Web).GetProperty("error");
        Assert.Equal("too_large", error.GetProperty("code").GetString());
        Assert.Equal("2", error.GetProperty("params").GetProperty("limitMb").GetString());
        Assert.Contains("2 MB", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("not-an-id")]
    public async Task An_unknown_id_is_404(string id)
    {
        var result = await _harness.Api.GetAsync(FunctionsHarness.Request("GET"), id, _harness.Client, Token);

        Assert.Equal(404, Assert.IsType<JsonHttpResult<ApiErrorBody>>(result.Result).StatusCode);
    }

    private static string Property(object? value, string name) =>
        JsonDocument.Parse(JsonSerializer.Serialize(value, JsonSerializerOptions.Web)).RootElement.GetProperty(name).GetString()!;

    private static bool Started(object? value) =>
        JsonDocument.Parse(JsonSerializer.Serialize(value, JsonSerializerOptions.Web)).RootElement.GetProperty("started").GetBoolean();
}
