using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TimeVision.Api.Access;
using TimeVision.Api.Handlers;
using TimeVision.Api.Http;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Learning.Training;
using TimeVision.Testing;
using TimeVision.Testing.LocalServices;

namespace TimeVision.Functions.Tests;

/// <summary>
/// <c>GET /api/estimates/{id}/plan</c> and <c>PUT /api/estimates/{id}/features</c> against documents estimated through
/// the API and stored in Cosmos DB: the stored plan with its features, the estimator's correction as a new version
/// that wins the merge, and <c>POST /api/estimates/{id}/plan/accept</c>, the estimator's acceptance, guarded by the ETag.
/// </summary>
[Collection(LocalServicesGroup.Name)]
public sealed class EstimatePlanApiTests(AzuriteFixture azurite, CosmosFixture cosmos) : IAsyncLifetime
{
    private const string SixTappedHoles = """
        { "materialGroup": "aluminium",
          "features": [ { "id": "e1", "type": "tapping", "count": 6, "thread": "M5", "depthMm": 10 } ] }
        """;

    private FunctionsHarness _harness = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private EstimatePlanApi Api => ActivatorUtilities.CreateInstance<EstimatePlanApi>(_harness.Services);

    public async ValueTask InitializeAsync() => _harness = await FunctionsHarness.StartAsync(azurite, cosmos);

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task A_new_estimates_plan_is_answered_with_its_features_versions_and_etag()
    {
        var (id, etag) = await EstimateAsync(await File.ReadAllBytesAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), Token));
        var request = FunctionsHarness.Request("GET");

        var answer = Assert.IsType<JsonHttpResult<EstimatePlanAnswer>>((await Api.GetAsync(request, id, Token)).Result).Value!;

        Assert.Equal((id, etag, etag), (answer.Id, answer.ETag, request.HttpContext.Response.Headers.ETag.ToString()));
        Assert.Equal((1, 1), (answer.Features.Version, answer.Plan.FeaturesVersion));
        Assert.Equal((PlanningData.DefaultCutting.Version, PlanningData.DefaultCentres.Version), (answer.Plan.CuttingDataVersion, answer.Plan.WorkCentresVersion));
        Assert.NotEmpty(answer.Plan.Routing!.Operations);
        Assert.Contains(answer.Features.Readings, r => r.Kind == FeatureSourceKind.Model && r.Features.Stock?.Shape == StockShape.Bar);
        var used = answer.Plan.Routing.Operations.Select(o => o.WorkCentre).Distinct().ToList();
        Assert.Equal(used, answer.WorkCentres.Select(c => c.Id));
        foreach (var centre in answer.WorkCentres)
        {
            var listed = PlanningData.DefaultCentres.WorkCentres.Single(c => c.Id == centre.Id);
            Assert.Equal((listed.Name, listed.Kind), (centre.Name, centre.Kind));
        }
    }

    [Fact]
    public async Task The_estimators_features_are_a_new_version_by_the_caller_that_wins_and_a_stale_etag_gets_412()
    {
        var (id, etag) = await EstimateAsync(await File.ReadAllBytesAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), Token));
        var put = Put(SixTappedHoles, etag);
        CallerIdentity.SignedIn("jana@shop.example").AttachTo(put.HttpContext);

        var saved = Assert.IsType<JsonHttpResult<EstimatePlanAnswer>>((await Api.PutFeaturesAsync(put, id, Token)).Result).Value!;
        var stale = Assert.IsType<JsonHttpResult<ApiErrorBody>>((await Api.PutFeaturesAsync(Put(SixTappedHoles, etag), id, Token)).Result);
        var read = Assert.IsType<JsonHttpResult<EstimatePlanAnswer>>((await Api.GetAsync(FunctionsHarness.Request("GET"), id, Token)).Result).Value!;

        Assert.NotEqual(etag, saved.ETag);
        Assert.Equal(saved.ETag, put.HttpContext.Response.Headers.ETag.ToString());
        Assert.Equal((2, 2), (saved.Features.Version, saved.Plan.FeaturesVersion));
        var reading = saved.Features.LatestEstimatorReading!;
        Assert.Equal(("jana@shop.example", (int?)2), (reading.By, reading.Version));
        Assert.NotNull(reading.At);
        var tapping = saved.Features.Merged.Features.Single(f => f.Thread == "M5");
        Assert.Equal((6, FeatureSourceKind.Estimator), (tapping.Count!.Value, tapping.Source!.Kind));
        Assert.Equal("aluminium", saved.Features.Merged.MaterialGroup);
        Assert.Contains(saved.Plan.Routing!.Operations.SelectMany(o => o.Lines), l => l.FeatureId == "e1");
        Assert.Equal((412, "stale_token"), (stale.StatusCode, Code(stale)));
        Assert.Equal((saved.ETag, 2), (read.ETag, read.Features.Version));
    }

    [Theory]
    [InlineData("""{ "features": [ { "type": "knurling" } ] }""", "features line 1, field $.features[0].type")]
    [InlineData("""{ "features": [ { "type": "drilling", "depthMm": -3 } ] }""", "field $.features[0].depthMm: must be above 0")]
    [InlineData("""{ "features": [ { "type": "drilling", "count": 0 } ] }""", "field $.features[0].count: must be at least 1")]
    [InlineData("""{ "features": [ { "type": "drilling", "colour": "red" } ] }""", "unknown property")]
    public async Task Invalid_features_get_400_invalid_features_naming_the_field_and_change_nothing(string body, string message)
    {
        var (id, etag) = await EstimateAsync(await File.ReadAllBytesAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), Token));

        var error = Assert.IsType<JsonHttpResult<ApiErrorBody>>((await Api.PutFeaturesAsync(Put(body, etag), id, Token)).Result);

        Assert.Equal((400, "invalid_features"), (error.StatusCode, Code(error)));
        Assert.Contains(message, error.Value!.Error.Message, StringComparison.Ordinal);
        Assert.Equal(etag, (await GetAsync(id)).ETag);
    }

    [Fact]
    public async Task A_correction_stored_while_the_work_centres_cannot_be_read_is_answered_as_saved_without_their_names()
    {
        var (id, etag) = await EstimateAsync(await File.ReadAllBytesAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), Token));
        var api = new EstimatePlanApi(
            _harness.Services.GetRequiredService<EstimatePlans>(), _harness.Services.GetRequiredService<EstimateReplans>(), new WorkCentresDown(),
            _harness.Services.GetRequiredService<ICuttingDataSource>(), NullLogger<EstimatePlanApi>.Instance);

        var saved = Assert.IsType<JsonHttpResult<EstimatePlanAnswer>>((await api.PutFeaturesAsync(Put(SixTappedHoles, etag), id, Token)).Result).Value!;

        Assert.Equal((2, 2), (saved.Features.Version, saved.Plan.FeaturesVersion));
        Assert.NotEmpty(saved.Plan.Routing!.Operations);
        Assert.Empty(saved.WorkCentres);
        Assert.Null(saved.Current);
    }

    [Fact]
    public async Task No_if_match_is_428_an_unknown_id_404_and_an_estimate_without_a_plan_404_no_plan_until_features_are_entered()
    {
        var (id, etag) = await EstimateAsync(TestPdfs.WithPages(1));

        var noIfMatch = Assert.IsType<JsonHttpResult<ApiErrorBody>>((await Api.PutFeaturesAsync(Put(SixTappedHoles, null), id, Token)).Result);
        var unknown = Assert.IsType<JsonHttpResult<ApiErrorBody>>((await Api.GetAsync(FunctionsHarness.Request("GET"), new string('c', 64), Token)).Result);
        var noPlan = Assert.IsType<JsonHttpResult<ApiErrorBody>>((await Api.GetAsync(FunctionsHarness.Request("GET"), id, Token)).Result);
        var entered = Assert.IsType<JsonHttpResult<EstimatePlanAnswer>>((await Api.PutFeaturesAsync(Put(SixTappedHoles, etag), id, Token)).Result).Value!;

        Assert.Equal((428, "if_match_required"), (noIfMatch.StatusCode, Code(noIfMatch)));
        Assert.Equal((404, "not_found"), (unknown.StatusCode, Code(unknown)));
        Assert.Equal((404, "no_plan"), (noPlan.StatusCode, Code(noPlan)));
        Assert.Contains(PlanNotMade.NoFeatures, noPlan.Value!.Error.Message, StringComparison.Ordinal);
        Assert.NotNull(entered.Plan.Routing);
        Assert.Null(entered.Plan.NotMade);
    }

    [Fact]
    public async Task Without_a_plan_the_models_total_heads_and_the_estimators_features_make_the_engines_minutes_the_headline()
    {
        var (id, etag) = await EstimateAsync(TestPdfs.WithPages(1));
        var before = (await GetAsync(id)).Headline!;

        var saved = Assert.IsType<JsonHttpResult<EstimatePlanAnswer>>((await Api.PutFeaturesAsync(Put(SixTappedHoles, etag), id, Token)).Result);
        var read = await GetAsync(id);
        var json = JsonSerializer.SerializeToElement(saved.Value, saved.JsonSerializerOptions).GetProperty("headline");

        Assert.Equal((HeadlineMethod.Model, (HeadlineNumber?)null), (before.Method, before.Other));
        Assert.Contains("no process plan (no_features)", before.Why, StringComparison.Ordinal);
        Assert.Equal(("engine", Math.Round(saved.Value!.Plan.Routing!.CycleMin, 2), "model"), (json.GetProperty("method").GetString(), json.GetProperty("minutes").GetDouble(), json.GetProperty("other").GetProperty("method").GetString()));
        Assert.Contains("entered by the estimator", json.GetProperty("why").GetString(), StringComparison.Ordinal);
        Assert.Equal((HeadlineMethod.Engine, read.TotalEstimatedMinutes), (read.Headline!.Method, read.Headline.Other!.Minutes));
    }

    [Fact]
    public async Task The_answer_is_the_plan_contract_in_camel_case_without_nulls()
    {
        var (id, _) = await EstimateAsync(await File.ReadAllBytesAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), Token));
        var result = Assert.IsType<JsonHttpResult<EstimatePlanAnswer>>((await Api.GetAsync(FunctionsHarness.Request("GET"), id, Token)).Result);

        var json = JsonSerializer.SerializeToElement(result.Value, result.JsonSerializerOptions);

        var routing = json.GetProperty("plan").GetProperty("routing");
        Assert.Equal(JsonValueKind.Array, routing.GetProperty("operations").EnumerateArray().First().GetProperty("lines").ValueKind);
        Assert.Equal(JsonValueKind.String, routing.GetProperty("cuttingDataVersion").ValueKind);
        Assert.False(json.GetProperty("plan").TryGetProperty("notMade", out _));
        var centre = json.GetProperty("workCentres")[0];
        Assert.Equal((routing.GetProperty("operations")[0].GetProperty("workCentre").GetString(), JsonValueKind.String), (centre.GetProperty("id").GetString(), centre.GetProperty("name").ValueKind));
        Assert.Equal("sawing", centre.GetProperty("kind").GetString());
        Assert.Equal("model", json.GetProperty("features").GetProperty("readings")[1].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Accepting_the_plan_records_the_caller_and_its_features_version_and_confirms_the_text_layers_holes()
    {
        var (id, etag) = await EstimateAsync(await File.ReadAllBytesAsync(RepositoryPaths.Sample("edocr-adapterplatte.pdf"), Token));
        var post = Accept(etag);
        CallerIdentity.SignedIn("petr@shop.example").AttachTo(post.HttpContext);

        var accepted = Assert.IsType<JsonHttpResult<EstimatePlanAnswer>>((await Api.AcceptAsync(post, id, Token)).Result).Value!;
        var stale = Assert.IsType<JsonHttpResult<ApiErrorBody>>((await Api.AcceptAsync(Accept(etag), id, Token)).Result);
        var unsent = Assert.IsType<JsonHttpResult<ApiErrorBody>>((await Api.AcceptAsync(Accept(null), id, Token)).Result);
        var unknown = Assert.IsType<JsonHttpResult<ApiErrorBody>>((await Api.AcceptAsync(Accept(etag), new string('e', 64), Token)).Result);

        Assert.NotEqual(etag, accepted.ETag);
        Assert.Equal(accepted.ETag, post.HttpContext.Response.Headers.ETag.ToString());
        var acceptance = Assert.Single(accepted.Features.Acceptances!);
        Assert.Equal((1, "petr@shop.example", 1), (acceptance.FeaturesVersion, acceptance.By, accepted.Features.Version));
        var label = ConfirmedFeatures.Of(await GetAsync(id)).Label!;
        Assert.Equal((FeatureLabelSource.TextLayerAccepted, "petr@shop.example"), (label.Source, label.ConfirmedBy));
        Assert.Equal([(FeatureType.Drilling, 4), (FeatureType.Tapping, 4)], label.Features.Features.Select(f => (f.Type, f.Count!.Value)));
        Assert.Equal((412, "stale_token"), (stale.StatusCode, Code(stale)));
        Assert.Equal((428, "if_match_required"), (unsent.StatusCode, Code(unsent)));
        Assert.Equal((404, "not_found"), (unknown.StatusCode, Code(unknown)));
    }

    private static HttpRequest Accept(string? ifMatch)
    {
        var request = FunctionsHarness.Request("POST");
        if (ifMatch is not null)
        {
            request.Headers.IfMatch = ifMatch;
        }

        return request;
    }

    private static string Code(JsonHttpResult<ApiErrorBody> error) => error.Value!.Error.Code;

    private static HttpRequest Put(string json, string? ifMatch)
    {
        var request = FunctionsHarness.Request("PUT", Encoding.UTF8.GetBytes(json), "application/json");
        if (ifMatch is not null)
        {
            request.Headers.IfMatch = ifMatch;
        }

        return request;
    }

    private async Task<(string Id, string ETag)> EstimateAsync(byte[] pdf)
    {
        var accepted = Assert.IsType<Accepted<EstimateAccepted>>((await _harness.Api.PostAsync(FunctionsHarness.Request("POST", pdf), _harness.Client, Token)).Result);
        var id = accepted.Location!.Split('/')[^1];
        await _harness.WaitAsync(id);
        return (id, (await GetAsync(id)).ETag!);
    }

    private async Task<DocumentEstimate> GetAsync(string id) =>
        Assert.IsType<DocumentEstimate>(Assert.IsType<Ok<DocumentEstimate>>((await _harness.Api.GetAsync(FunctionsHarness.Request("GET"), id, _harness.Client, Token)).Result).Value);

    /// <summary>A work-centre source whose store cannot be reached.</summary>
    private sealed class WorkCentresDown : IWorkCentreSource
    {
        public Task<InputFileResult<WorkCentreList>> CurrentAsync(CancellationToken cancellationToken) =>
            throw new HttpRequestException("The store cannot be reached.");
    }
}
