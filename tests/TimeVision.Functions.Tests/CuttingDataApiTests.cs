using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TimeVision.Api.Access;
using TimeVision.Api.Handlers;
using TimeVision.Api.Http;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Estimating.ShopCuttingData;
using TimeVision.Core.Storage;
using TimeVision.Testing;
using TimeVision.Testing.LocalServices;

namespace TimeVision.Functions.Tests;

/// <summary>
/// <c>GET/PUT/DELETE /api/cutting-data</c> with the override in Cosmos DB: versions guarded by <c>If-Match</c> (412
/// stale, 428 missing), a bad override refused naming its field with nothing stored, and a stored estimate planned
/// again after a <c>PUT</c> (<c>POST …/plan/replan</c>, or a correction) records the new version and its slower cutting.
/// </summary>
[Collection(LocalServicesGroup.Name)]
public sealed class CuttingDataApiTests(AzuriteFixture azurite, CosmosFixture cosmos) : IAsyncLifetime
{
    private const string SlowSteelDrilling = """{ "groups": [ { "group": "steel", "operations": { "drilling": { "vcMPerMin": 20 } } } ] }""";

    private readonly TempFolder _data = new();
    private Container _container = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private CuttingDataApi Api { get; set; } = null!;

    /// <summary>Each test its own container, and a handler on it; only the plan test starts the whole host.</summary>
    public async ValueTask InitializeAsync()
    {
        var client = cosmos.CreateClient(CosmosAccount.ClientOptions());
        _container = await CosmosEstimateStore.EnsureContainerAsync(client, await cosmos.CreateDatabaseNameAsync(Token), "estimates", Token);
        Api = new CuttingDataApi(
            new ShopCuttingDataService(new CosmosCuttingDataStore(_container), Options.Create(new StorageOptions { DataDirectory = _data.Path }), TimeProvider.System),
            NullLogger<CuttingDataApi>.Instance);
    }

    public ValueTask DisposeAsync()
    {
        _data.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Each_put_and_delete_is_a_version_guarded_by_if_match_412_when_stale_and_428_without()
    {
        var read = FunctionsHarness.Request("GET");
        var defaults = Ok(await Api.GetAsync(read, Token));

        var missing = Error(await Api.PutAsync(Admin(Put(SlowSteelDrilling, null)), Token));
        var first = Admin(Put(SlowSteelDrilling, "\"0\""));
        var saved = Ok(await Api.PutAsync(first, Token));
        var stale = Error(await Api.PutAsync(Admin(Put(SlowSteelDrilling, "\"0\"")), Token));
        var resetMissing = Error(await Api.DeleteAsync(Admin(FunctionsHarness.Request("DELETE")), Token));
        var reset = Admin(FunctionsHarness.Request("DELETE"));
        reset.Headers.IfMatch = "\"1\"";
        var back = Ok(await Api.DeleteAsync(reset, Token));
        var now = FunctionsHarness.Request("GET");
        var current = Ok(await Api.GetAsync(now, Token));

        Assert.Equal((PlanningData.DefaultCutting.Version, CuttingDataInUse.FromDefaults, "\"0\""), (defaults.Version, defaults.Origin, read.HttpContext.Response.Headers.ETag.ToString()));
        Assert.Equal((428, "if_match_required"), (missing.StatusCode, missing.Value!.Error.Code));
        Assert.Equal(($"{PlanningData.DefaultCutting.Version}+shop-1", CuttingDataInUse.FromStore, "\"1\""), (saved.Version, saved.Origin, first.HttpContext.Response.Headers.ETag.ToString()));
        Assert.Equal(("shop-1", "petr@shop.example"), (saved.Stored!.Version, saved.Stored.SetBy));
        Assert.Equal(20d, saved.CuttingData.Groups.Single(g => g.Group == "steel").Operations.Drilling!.VcMPerMin);
        Assert.Equal((412, "stale_token"), (stale.StatusCode, stale.Value!.Error.Code));
        Assert.Equal((428, "if_match_required"), (resetMissing.StatusCode, resetMissing.Value!.Error.Code));
        Assert.Equal((PlanningData.DefaultCutting.Version, "shop-2", "\"2\""), (back.Version, back.Stored!.Version, reset.HttpContext.Response.Headers.ETag.ToString()));
        Assert.Equal((PlanningData.DefaultCutting.Version, CuttingDataInUse.FromDefaults, "\"2\""), (current.Version, current.Origin, now.HttpContext.Response.Headers.ETag.ToString()));
    }

    [Fact]
    public async Task A_bad_or_oversized_override_gets_400_or_413_with_its_code_naming_the_field_and_nothing_is_stored()
    {
        var zero = Error(await Api.PutAsync(Admin(Put("""{ "groups": [ { "group": "steel", "operations": { "turning": { "vcMPerMin": 0 } } } ] }""", "\"0\"")), Token));
        var unknown = Error(await Api.PutAsync(Admin(Put("""{ "tools": { "drillTeeth": 2 } }""", "\"0\"")), Token));
        var broken = Error(await Api.PutAsync(Admin(Put("{ \"groups\": ", "\"0\"")), Token));
        var large = Error(await Api.PutAsync(Admin(Put($$"""{ "sources": { "x": "{{new string('a', CuttingDataApi.MaxBodyBytes)}}" } }""", "\"0\"")), Token));
        var read = FunctionsHarness.Request("GET");
        var current = Ok(await Api.GetAsync(read, Token));

        Assert.Equal((400, "invalid_cutting_data"), (zero.StatusCode, zero.Value!.Error.Code));
        Assert.Contains("field $.groups[0].operations.turning.vcMPerMin: must be above 0", zero.Value.Error.Message, StringComparison.Ordinal);
        Assert.Equal((400, "invalid_cutting_data"), (unknown.StatusCode, unknown.Value!.Error.Code));
        Assert.Contains("field $.tools.drillTeeth: unknown property", unknown.Value.Error.Message, StringComparison.Ordinal);
        Assert.Equal((400, "invalid_cutting_data"), (broken.StatusCode, broken.Value!.Error.Code));
        Assert.Equal((413, "cutting_data_too_large"), (large.StatusCode, large.Value!.Error.Code));
        Assert.Equal(("\"0\"", CuttingDataInUse.FromDefaults), (read.HttpContext.Response.Headers.ETag.ToString(), current.Origin));
    }

    [Fact]
    public async Task A_stored_estimate_planned_again_after_slower_cutting_is_put_records_the_new_version_and_takes_longer()
    {
        await using var harness = await FunctionsHarness.StartAsync(azurite, cosmos, configureServices: services => services.AddSingleton<ICuttingDataStore>(new CosmosCuttingDataStore(_container)));
        var plans = ActivatorUtilities.CreateInstance<EstimatePlanApi>(harness.Services);
        var (id, etag) = await EstimateAsync(harness, plans);
        var stored = await PlanAsync(plans, id);
        var before = stored.Plan;
        var group = stored.Features.Merged.MaterialGroup!;
        var cutting = Ok(await Api.GetAsync(FunctionsHarness.Request("GET"), Token)).CuttingData;

        Ok(await Api.PutAsync(Admin(Put(HalfTheSpeedsAndFeeds(cutting, group), "\"0\"")), Token));
        var behind = await PlanAsync(plans, id);
        var modelCalls = harness.Model.Requests.Count;
        var replan = Replan(etag);
        var after = Ok(await plans.ReplanAsync(replan, id, Token));
        var replanned = await PlanAsync(plans, id);
        var correction = Put(JsonSerializer.Serialize(stored.Features.Merged, PlanningJson.Options), after.ETag);
        var corrected = Ok(await plans.PutFeaturesAsync(correction, id, Token)).Plan;

        var slower = $"{PlanningData.DefaultCutting.Version}+shop-1";
        Assert.Equal((PlanningData.DefaultCutting.Version, PlanningData.DefaultCutting.Version), (before.CuttingDataVersion, stored.Current!.CuttingDataVersion));
        Assert.Equal((PlanningData.DefaultCutting.Version, slower), (behind.Plan.CuttingDataVersion, behind.Current!.CuttingDataVersion));
        Assert.Equal((behind.Plan.WorkCentresVersion, behind.Plan.WorkCentresVersion), (behind.Current.WorkCentresVersion, after.Plan.WorkCentresVersion));
        Assert.Equal((slower, slower, slower), (after.Plan.CuttingDataVersion, after.Plan.Routing!.CuttingDataVersion, after.Current!.CuttingDataVersion));
        Assert.True(after.Plan.Routing.CuttingMin > before.Routing!.CuttingMin, $"{after.Plan.Routing.CuttingMin} <= {before.Routing.CuttingMin}");
        Assert.Equal((stored.Features.Version, stored.Features.Version), (after.Features.Version, after.Plan.FeaturesVersion));
        Assert.Equal(modelCalls, harness.Model.Requests.Count);
        Assert.NotEqual(etag, after.ETag);
        Assert.Equal((after.ETag, after.ETag), (replan.HttpContext.Response.Headers.ETag.ToString(), replanned.ETag));
        Assert.Equal((slower, after.Plan.Routing.CuttingMin), (replanned.Plan.CuttingDataVersion, replanned.Plan.Routing!.CuttingMin));
        Assert.Equal((stored.Features.Version + 1, slower), (corrected.FeaturesVersion, corrected.CuttingDataVersion));
    }

    [Fact]
    public async Task A_replan_with_a_stale_etag_is_412_and_stores_nothing_and_without_if_match_is_428()
    {
        await using var harness = await FunctionsHarness.StartAsync(azurite, cosmos, configureServices: services => services.AddSingleton<ICuttingDataStore>(new CosmosCuttingDataStore(_container)));
        var plans = ActivatorUtilities.CreateInstance<EstimatePlanApi>(harness.Services);
        var (id, etag) = await EstimateAsync(harness, plans);
        Ok(await Api.PutAsync(Admin(Put(SlowSteelDrilling, "\"0\"")), Token));

        var stale = Error(await plans.ReplanAsync(Replan("\"not-the-etag\""), id, Token));
        var unsent = Error(await plans.ReplanAsync(Replan(null), id, Token));
        var unknown = Error(await plans.ReplanAsync(Replan(etag), new string('e', 64), Token));
        var after = await PlanAsync(plans, id);

        Assert.Equal((412, "stale_token"), (stale.StatusCode, stale.Value!.Error.Code));
        Assert.Equal((428, "if_match_required"), (unsent.StatusCode, unsent.Value!.Error.Code));
        Assert.Equal((404, "not_found"), (unknown.StatusCode, unknown.Value!.Error.Code));
        Assert.Equal((etag, PlanningData.DefaultCutting.Version), (after.ETag, after.Plan.CuttingDataVersion));
        Assert.NotEqual(after.Plan.CuttingDataVersion, after.Current!.CuttingDataVersion);
    }

    /// <summary>An override with every cutting speed of <paramref name="group"/> halved, and its saw feed (the sample's plan saws its bar).</summary>
    private static string HalfTheSpeedsAndFeeds(CuttingDataTable cutting, string group)
    {
        var operations = JsonSerializer.SerializeToNode(cutting.Groups.Single(g => g.Group == group).Operations, PlanningJson.Options)!.AsObject();
        var halved = new JsonObject();
        foreach (var (name, values) in operations)
        {
            foreach (var field in new[] { "vcMPerMin", "sawFeedMmPerMin" })
            {
                if (values?[field]?.GetValue<double>() is { } value)
                {
                    halved[name] ??= new JsonObject();
                    halved[name]![field] = value / 2;
                }
            }
        }

        return new JsonObject { ["groups"] = new JsonArray(new JsonObject { ["group"] = group, ["operations"] = halved }) }.ToJsonString();
    }

    private static async Task<EstimatePlanAnswer> PlanAsync(EstimatePlanApi plans, string id) =>
        Assert.IsType<JsonHttpResult<EstimatePlanAnswer>>((await plans.GetAsync(FunctionsHarness.Request("GET"), id, Token)).Result).Value!;

    private static async Task<(string Id, string ETag)> EstimateAsync(FunctionsHarness harness, EstimatePlanApi plans)
    {
        var pdf = await File.ReadAllBytesAsync(RepositoryPaths.Sample("odri-motor-shaft.pdf"), Token);
        var accepted = Assert.IsType<Accepted<EstimateAccepted>>((await harness.Api.PostAsync(FunctionsHarness.Request("POST", pdf), harness.Client, Token)).Result);
        var id = accepted.Location!.Split('/')[^1];
        await harness.WaitAsync(id);
        return (id, (await PlanAsync(plans, id)).ETag!);
    }

    private static T Ok<T>(Results<JsonHttpResult<T>, JsonHttpResult<ApiErrorBody>> result) => Assert.IsType<JsonHttpResult<T>>(result.Result).Value!;

    private static JsonHttpResult<ApiErrorBody> Error<T>(Results<JsonHttpResult<T>, JsonHttpResult<ApiErrorBody>> result) => Assert.IsType<JsonHttpResult<ApiErrorBody>>(result.Result);

    private static HttpRequest Put(string json, string? ifMatch)
    {
        var request = FunctionsHarness.Request("PUT", Encoding.UTF8.GetBytes(json), "application/json");
        if (ifMatch is not null)
        {
            request.Headers.IfMatch = ifMatch;
        }

        return request;
    }

    private static HttpRequest Replan(string? ifMatch)
    {
        var request = FunctionsHarness.Request("POST");
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
}
