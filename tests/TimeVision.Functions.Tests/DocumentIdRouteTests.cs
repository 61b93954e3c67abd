using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Api.Handlers;
using TimeVision.Api.Http;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Functions.Triggers;
using TimeVision.Testing;
using TimeVision.Testing.LocalServices;

namespace TimeVision.Functions.Tests;

/// <summary>
/// Every route that takes a document id answers text that is not one with <c>404 not_found</c>, never a 500, on the
/// file store <c>timevision serve</c> uses (whose paths are built from the id).
/// </summary>
[Collection(LocalServicesGroup.Name)]
public sealed class DocumentIdRouteTests(DocumentIdRouteTests.FileStoreHarness fixture) : IClassFixture<DocumentIdRouteTests.FileStoreHarness>
{
    private static readonly string[] Probes = ["zz", "..%2f..", "../..", new('a', 63), new('a', 65), "", " ", "a\nb"];

    private static readonly Dictionary<string, Func<IServiceProvider, FunctionsHarness, string, Task<IResult>>> Routes = new()
    {
        ["GetEstimate"] = async (s, h, id) => (await h.Api.GetAsync(FunctionsHarness.Request("GET"), id, h.Client, Token)).Result,
        ["RetryEstimate"] = async (s, h, id) => (await h.Api.RetryAsync(FunctionsHarness.Request("POST"), id, h.Client, Token)).Result,
        ["DeleteEstimate"] = async (s, h, id) => (await Of<EstimateListApi>(s).DeleteAsync(FunctionsHarness.Request("DELETE"), id, Token)).Result,
        ["RestoreEstimate"] = async (s, h, id) => (await Of<EstimateListApi>(s).RestoreAsync(FunctionsHarness.Request("POST"), id, Token)).Result,
        ["PurgeEstimate"] = async (s, h, id) => (await Of<EstimateListApi>(s).PurgeAsync(FunctionsHarness.Request("POST"), id, Token)).Result,
        ["GetPageImage"] = async (s, h, id) => (await Of<EstimateListApi>(s).ImageAsync(FunctionsHarness.Request("GET"), id, "1", Token)).Result,
        ["GetPageFacts"] = async (s, h, id) => (await Of<EstimateListApi>(s).FactsAsync(FunctionsHarness.Request("GET"), id, "1", Token)).Result,
        ["GetSimilarParts"] = async (s, h, id) => (await Of<SimilarPartsApi>(s).GetAsync(FunctionsHarness.Request("GET"), id, Token)).Result,
        ["PutFeedback"] = async (s, h, id) => (await Of<FeedbackApi>(s).PutAsync(Feedback(), id, Token)).Result,
        ["GetEstimatePlan"] = async (s, h, id) => (await Of<EstimatePlanApi>(s).GetAsync(FunctionsHarness.Request("GET"), id, Token)).Result,
        ["PutEstimateFeatures"] = async (s, h, id) => (await Of<EstimatePlanApi>(s).PutFeaturesAsync(Features(), id, Token)).Result,
        ["GetEstimateQuote"] = async (s, h, id) => (await Of<QuoteApi>(s).GetAsync(FunctionsHarness.Request("GET"), id, Token)).Result,
        ["FreezeQuote"] = async (s, h, id) => (await Of<QuoteApi>(s).FreezeAsync(FunctionsHarness.Request("POST", "{}"u8.ToArray(), "application/json"), id, Token)).Result,
        ["ListQuotes"] = async (s, h, id) => (await Of<QuoteApi>(s).ListAsync(FunctionsHarness.Request("GET"), id, Token)).Result,
        ["GetFrozenQuote"] = async (s, h, id) => (await Of<QuoteApi>(s).GetFrozenAsync(FunctionsHarness.Request("GET"), id, "1", Token)).Result,
        ["AcceptEstimatePlan"] = async (s, h, id) => (await Of<EstimatePlanApi>(s).AcceptAsync(Accept(), id, Token)).Result,
        ["ReplanEstimatePlan"] = async (s, h, id) => (await Of<EstimatePlanApi>(s).ReplanAsync(Accept(), id, Token)).Result,
    };

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> RouteAndProbe()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in Routes.Keys)
        {
            foreach (var probe in Probes)
            {
                data.Add(route, probe);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RouteAndProbe))]
    public async Task Text_that_is_not_a_document_id_is_404_not_found_without_being_echoed(string route, string probe)
    {
        var harness = fixture.Harness;
        var result = Assert.IsType<JsonHttpResult<ApiErrorBody>>(await Routes[route](harness.Services, harness, probe));

        var error = JsonSerializer.SerializeToElement(result.Value).GetProperty("error");
        Assert.Equal((404, "not_found"), (result.StatusCode, error.GetProperty("code").GetString()));
        Assert.Contains("64 hex digits", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(harness.Model.Requests);
    }

    private static T Of<T>(IServiceProvider services)
        where T : class => ActivatorUtilities.CreateInstance<T>(services);

    private static HttpRequest Features()
    {
        var request = FunctionsHarness.Request("PUT", """{"features": []}"""u8.ToArray(), "application/json");
        request.Headers.IfMatch = "\"x\"";
        return request;
    }

    private static HttpRequest Accept()
    {
        var request = FunctionsHarness.Request("POST");
        request.Headers.IfMatch = "\"x\"";
        return request;
    }

    private static HttpRequest Feedback()
    {
        var request = FunctionsHarness.Request("PUT", """{"actualMinutes": 12}"""u8.ToArray(), "application/json");
        request.Headers.IfMatch = "\"x\"";
        return request;
    }

    /// <summary>
    /// One harness on the file store for the whole class: every case only reads (and is refused), so they share it
    /// instead of starting the engine, the fake model and Kestrel 88 times.
    /// </summary>
    public sealed class FileStoreHarness(AzuriteFixture azurite, CosmosFixture cosmos) : IAsyncLifetime
    {
        private readonly TempFolder _data = new();

        internal FunctionsHarness Harness { get; private set; } = null!;

        public async ValueTask InitializeAsync() => Harness = await FunctionsHarness.StartAsync(
            azurite, cosmos, configureServices: services => services.AddSingleton<IEstimateStore>(new LocalEstimateStore(_data.Path)));

        public async ValueTask DisposeAsync()
        {
            await Harness.DisposeAsync();
            _data.Dispose();
        }
    }
}
