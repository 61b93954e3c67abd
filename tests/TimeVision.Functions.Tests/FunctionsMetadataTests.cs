using System.Text.Json;
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
            ["ActivateModel", "CheckFineTuneJobs", "CheckModel", "CheckModelRetirement", "CreateFineTuneJob", "DrawingBlobTrigger", "EstimateDocument", "EstimatePage", "ExportTraining", "FineTuneStart", "GetEstimate", "GetFineTuneStart", "GetModelInfo", "GetSimilarParts", "InspectDocument", "ListFineTuneJobs", "PostEstimate", "PutFeedback", "RecordFineTuneJob", "RenderPage", "RetryEstimate", "RetryFailedPages", "SaveDocumentEstimate", "StartFineTune", "UploadTrainingFiles"],
            Functions.Value.Select(f => f.GetProperty("name").GetString()!).Order());
    }

    [Theory]
    [InlineData("StartFineTune")]
    [InlineData("GetFineTuneStart")]
    public void The_fine_tune_start_endpoints_get_a_durable_client(string function) => Binding(function, "durableClient");

    [Fact]
    public void The_blob_trigger_watches_drawings_on_the_host_storage_and_gets_a_durable_client()
    {
        var trigger = Binding("DrawingBlobTrigger", "blobTrigger");

        Assert.Equal("drawings/{name}", trigger.GetProperty("path").GetString());
        Assert.Equal("AzureWebJobsStorage", trigger.GetProperty("connection").GetString());
        Binding("DrawingBlobTrigger", "durableClient");
    }

    [Theory]
    [InlineData("PostEstimate", "estimates", "post", "Function")]
    [InlineData("GetEstimate", "estimates/{id}", "get", "Function")]
    [InlineData("RetryEstimate", "estimates/{id}/retry", "post", "Function")]
    [InlineData("GetSimilarParts", "estimates/{id}/similar", "get", "Function")]
    [InlineData("PutFeedback", "estimates/{id}/feedback", "put", "Function")]
    [InlineData("ExportTraining", "training/export", "get", "Admin")]
    [InlineData("GetModelInfo", "model-info", "get", "Function")]
    [InlineData("ActivateModel", "model/activate", "post", "Admin")]
    [InlineData("CheckModel", "model/check", "post", "Admin")]
    [InlineData("StartFineTune", "fine-tune/jobs", "post", "Admin")]
    [InlineData("ListFineTuneJobs", "fine-tune/jobs", "get", "Admin")]
    [InlineData("GetFineTuneStart", "fine-tune/starts/{startId}", "get", "Admin")]
    public void Http_functions_have_their_route_method_and_auth_level(string function, string route, string method, string authLevel)
    {
        var trigger = Binding(function, "httpTrigger");

        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal([method], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(authLevel, trigger.GetProperty("authLevel").GetString());
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
    public void Durable_functions_have_their_triggers(string function, string trigger) => Binding(function, trigger);

    [Fact]
    public void The_retry_timer_reads_its_schedule_from_a_setting_the_sample_settings_and_the_template_hold()
    {
        var timer = Binding("RetryFailedPages", "timerTrigger");

        Assert.Equal("%RetrySchedule%", timer.GetProperty("schedule").GetString());
        Assert.Equal("0 */15 * * * *", SampleSettings.Values().Single(s => s.Key == "RetrySchedule").Value);
        Assert.Equal("0 */15 * * * *", InfraTemplate.AppSettings()["RetrySchedule"]);
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

    private static JsonElement[] Load() =>
        [.. JsonDocument.Parse(File.ReadAllText(Path.Combine(OutputFolder(), "functions.metadata"))).RootElement.EnumerateArray()];
}
