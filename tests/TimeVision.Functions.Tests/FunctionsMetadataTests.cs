using System.Text.Json;
using TimeVision.Api.Access;
using TimeVision.Api.Http;
using TimeVision.Functions.Middleware;
using TimeVision.Testing;

namespace TimeVision.Functions.Tests;

/// <summary>The bindings the Functions host will read, from the <c>functions.metadata</c> the build generates.</summary>
public sealed class FunctionsMetadataTests
{
    private static readonly Lazy<JsonElement[]> Functions = new(Load);

    [Fact]
    public void Every_function_is_declared()
    {
        Assert.Equal(
            ["AcceptEstimatePlan", "ActivateModel", "CheckFineTuneJobs", "CheckModel", "CheckModelRetirement", "CreateFineTuneJob", "DeleteCuttingData", "DeleteEstimate", "DrawingBlobTrigger", "EstimateDocument", "EstimatePage", "ExportTraining", "FineTuneStart", "FreezeQuote", "GetCaller", "GetChecklist", "GetCuttingData", "GetEstimate", "GetEstimatePlan", "GetEstimateQuote", "GetFineTuneStart", "GetFrozenQuote", "GetHistoryImport", "GetModelInfo", "GetPageFacts", "GetPageImage", "GetRates", "GetSimilarParts", "HistoryImport", "InspectDocument", "ListEstimates", "ListFineTuneJobs", "ListQuotes", "PostEstimate", "PurgeEstimate", "PutChecklist", "PutCuttingData", "PutEstimateFeatures", "PutFeedback", "PutRates", "Recalibrate", "RecordFineTuneJob", "RenderPage", "ReplanEstimatePlan", "RestoreEstimate", "RetryEstimate", "RetryFailedPages", "RunHistoryImport", "SaveDocumentEstimate", "StartFineTune", "StartHistoryImport", "UploadTrainingFiles", "WebAsset", "WebDocument", "WebIndex", "WebRates"],
            Functions.Value.Select(f => f.GetProperty("name").GetString()!).Order());
    }

    [Theory]
    [InlineData("StartFineTune")]
    [InlineData("GetFineTuneStart")]
    [InlineData("StartHistoryImport")]
    [InlineData("GetHistoryImport")]
    public void The_fine_tune_start_endpoints_get_a_durable_client(string function) => Binding(function, "durableClient");

    [Fact]
    public void No_trigger_watches_the_history_container() =>
        Assert.DoesNotContain(
            Functions.Value.SelectMany(f => f.GetProperty("bindings").EnumerateArray()),
            b => b.TryGetProperty("path", out var path) && path.GetString()!.StartsWith("history", StringComparison.Ordinal));

    [Fact]
    public void The_blob_trigger_watches_drawings_on_the_host_storage_through_event_grid_and_gets_a_durable_client()
    {
        var trigger = Binding("DrawingBlobTrigger", "blobTrigger");

        Assert.Equal("drawings/{name}", trigger.GetProperty("path").GetString());
        Assert.Equal("EventGrid", trigger.GetProperty("source").GetString());
        Assert.Equal("AzureWebJobsStorage", trigger.GetProperty("connection").GetString());
        Binding("DrawingBlobTrigger", "durableClient");
    }

    [Theory]
    [InlineData("PostEstimate", "api/estimates", "post", "Anonymous")]
    [InlineData("GetEstimate", "api/estimates/{id}", "get", "Anonymous")]
    [InlineData("RetryEstimate", "api/estimates/{id}/retry", "post", "Anonymous")]
    [InlineData("PutFeedback", "api/estimates/{id}/feedback", "put", "Anonymous")]
    [InlineData("ListEstimates", "api/estimates", "get", "Anonymous")]
    [InlineData("DeleteEstimate", "api/estimates/{id}", "delete", "Anonymous")]
    [InlineData("RestoreEstimate", "api/estimates/{id}/restore", "post", "Anonymous")]
    [InlineData("PurgeEstimate", "api/estimates/{id}/purge", "post", "Anonymous")]
    [InlineData("GetPageImage", "api/estimates/{id}/pages/{page}/image", "get", "Anonymous")]
    [InlineData("GetPageFacts", "api/estimates/{id}/pages/{page}/facts", "get", "Anonymous")]
    [InlineData("GetSimilarParts", "api/estimates/{id}/similar", "get", "Anonymous")]
    [InlineData("GetEstimatePlan", "api/estimates/{id}/plan", "get", "Anonymous")]
    [InlineData("PutEstimateFeatures", "api/estimates/{id}/features", "put", "Anonymous")]
    [InlineData("GetChecklist", "api/estimates/{id}/checklist", "get", "Anonymous")]
    [InlineData("PutChecklist", "api/estimates/{id}/checklist", "put", "Anonymous")]
    [InlineData("GetCaller", "api/caller", "get", "Anonymous")]
    [InlineData("GetEstimateQuote", "api/estimates/{id}/quote", "get", "Anonymous")]
    [InlineData("FreezeQuote", "api/estimates/{id}/quotes", "post", "Anonymous")]
    [InlineData("ListQuotes", "api/estimates/{id}/quotes", "get", "Anonymous")]
    [InlineData("GetFrozenQuote", "api/estimates/{id}/quotes/{quoteId}", "get", "Anonymous")]
    [InlineData("GetRates", "api/rates", "get", "Anonymous")]
    [InlineData("PutRates", "api/rates", "put", "Anonymous")]
    [InlineData("GetCuttingData", "api/cutting-data", "get", "Anonymous")]
    [InlineData("PutCuttingData", "api/cutting-data", "put", "Anonymous")]
    [InlineData("DeleteCuttingData", "api/cutting-data", "delete", "Anonymous")]
    [InlineData("AcceptEstimatePlan", "api/estimates/{id}/plan/accept", "post", "Anonymous")]
    [InlineData("ReplanEstimatePlan", "api/estimates/{id}/plan/replan", "post", "Anonymous")]
    [InlineData("WebIndex", "{ignored:maxlength(0)?}", "get", "Anonymous")]
    [InlineData("WebDocument", "estimates/{id}", "get", "Anonymous")]
    [InlineData("WebRates", "admin/rates", "get", "Anonymous")]
    [InlineData("WebAsset", "assets/{name}", "get", "Anonymous")]
    [InlineData("ExportTraining", "api/training/export", "get", "Anonymous")]
    [InlineData("GetModelInfo", "api/model-info", "get", "Anonymous")]
    [InlineData("ActivateModel", "api/model/activate", "post", "Anonymous")]
    [InlineData("CheckModel", "api/model/check", "post", "Anonymous")]
    [InlineData("StartFineTune", "api/fine-tune/jobs", "post", "Anonymous")]
    [InlineData("ListFineTuneJobs", "api/fine-tune/jobs", "get", "Anonymous")]
    [InlineData("GetFineTuneStart", "api/fine-tune/starts/{startId}", "get", "Anonymous")]
    [InlineData("StartHistoryImport", "api/history/imports", "post", "Anonymous")]
    [InlineData("GetHistoryImport", "api/history/imports/{importId}", "get", "Anonymous")]
    public void Http_functions_have_their_route_method_and_auth_level(string function, string route, string method, string authLevel)
    {
        var trigger = Binding(function, "httpTrigger");

        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal([method], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(authLevel, trigger.GetProperty("authLevel").GetString());
    }

    [Fact]
    public void Admin_actions_are_the_functions_that_need_the_admin_app_role_and_every_other_api_call_a_signed_in_caller()
    {
        var http = Functions.Value
            .Where(f => f.GetProperty("bindings").EnumerateArray().Any(b => b.GetProperty("type").GetString() == "httpTrigger"))
            .Select(f => f.GetProperty("name").GetString()!)
            .ToList();

        Assert.Equal(
            ["ActivateModel", "CheckModel", "DeleteCuttingData", "ExportTraining", "GetFineTuneStart", "GetHistoryImport", "GetRates", "ListFineTuneJobs", "PurgeEstimate", "PutCuttingData", "PutRates", "StartFineTune", "StartHistoryImport"],
            http.Where(name => CallerAccess.RuleOf(name) == CallerAccess.Rule.Admin).Order());
        Assert.Equal(["WebAsset", "WebDocument", "WebIndex", "WebRates"], http.Where(name => CallerAccess.RuleOf(name) == CallerAccess.Rule.Page).Order());

        // A function key would lock the page out: the host lets every HTTP function through and CallerAccess decides.
        Assert.All(
            http,
            name => Assert.Equal("Anonymous", Binding(name, "httpTrigger").GetProperty("authLevel").GetString()));
    }

    [Fact]
    public void The_api_lives_under_api_and_the_page_at_the_root()
    {
        var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(OutputFolder(), "host.json"))).RootElement;
        var routes = Functions.Value
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray().Where(b => b.GetProperty("type").GetString() == "httpTrigger")
                .Select(b => (Name: f.GetProperty("name").GetString()!, Route: b.GetProperty("route").GetString()!)))
            .ToList();

        Assert.Equal(string.Empty, hostJson.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        Assert.All(routes.Where(r => !r.Name.StartsWith("Web", StringComparison.Ordinal)), r => Assert.StartsWith("api/", r.Route, StringComparison.Ordinal));
        Assert.Equal(["WebAsset", "WebDocument", "WebIndex", "WebRates"], routes.Where(r => !r.Route.StartsWith("api/", StringComparison.Ordinal)).Select(r => r.Name).Order());
    }

    [Theory]
    [InlineData("EstimateDocument", "orchestrationTrigger")]
    [InlineData("InspectDocument", "activityTrigger")]
    [InlineData("RenderPage", "activityTrigger")]
    [InlineData("EstimatePage", "activityTrigger")]
    [InlineData("SaveDocumentEstimate", "activityTrigger")]
    [InlineData("FineTuneStart", "orchestrationTrigger")]
    [InlineData("UploadTrainingFiles", "activityTrigger")]
    [InlineData("CreateFineTuneJob", "activityTrigger")]
    [InlineData("RecordFineTuneJob", "activityTrigger")]
    [InlineData("HistoryImport", "orchestrationTrigger")]
    [InlineData("RunHistoryImport", "activityTrigger")]
    public void Durable_functions_have_their_triggers(string function, string trigger) => Binding(function, trigger);

    [Fact]
    public void The_retry_timer_reads_its_schedule_from_a_setting_the_sample_settings_hold()
    {
        var timer = Binding("RetryFailedPages", "timerTrigger");

        Assert.Equal("%RetrySchedule%", timer.GetProperty("schedule").GetString());
        Assert.Equal("0 */15 * * * *", SampleSettings.Values().Single(s => s.Key == "RetrySchedule").Value);
        Binding("RetryFailedPages", "durableClient");
    }

    [Fact]
    public void The_fine_tune_timer_reads_its_schedule_from_a_setting_the_sample_settings_hold()
    {
        var timer = Binding("CheckFineTuneJobs", "timerTrigger");
        var setting = timer.GetProperty("schedule").GetString()!.Trim('%');

        Assert.Equal("%FineTuneCheckSchedule%", timer.GetProperty("schedule").GetString());
        Assert.Equal("0 */15 * * * *", SampleSettings.Values().Single(s => s.Key == setting).Value);
    }

    [Fact]
    public void The_retirement_timer_runs_once_a_day()
    {
        Assert.Equal("0 0 6 * * *", Binding("CheckModelRetirement", "timerTrigger").GetProperty("schedule").GetString());
    }

    [Fact]
    public void Host_json_is_deployed_with_the_durable_task_settings()
    {
        var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(OutputFolder(), "host.json"))).RootElement;

        var durable = hostJson.GetProperty("extensions").GetProperty("durableTask");
        Assert.Equal("TimeVision", durable.GetProperty("hubName").GetString());
        Assert.True(durable.GetProperty("maxConcurrentActivityFunctions").GetInt32() > 0);
    }

    private static JsonElement Binding(string function, string type)
    {
        var entry = Functions.Value.Single(f => f.GetProperty("name").GetString() == function);
        return entry.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString() == type);
    }

    private static string OutputFolder()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        return Path.Combine(RepositoryPaths.Root, "src", "TimeVision.Functions", "bin", configuration, "net10.0");
    }

    /// <summary>Every function the Functions host will index, as the build wrote them.</summary>
    internal static JsonElement[] Load() =>
        [.. JsonDocument.Parse(File.ReadAllText(Path.Combine(OutputFolder(), "functions.metadata"))).RootElement.EnumerateArray()];
}
