using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Vision.Prompts;
using TimeVision.Core.Learning.FineTuning;
using TimeVision.Core.ModelOps.ModelManagement;
using TimeVision.Functions.Triggers;
using TimeVision.Testing;
using TimeVision.Testing.LocalServices;
using TimeVision.Api.Handlers;
using TimeVision.Api.Http;

namespace TimeVision.Functions.Tests;

/// <summary>
/// The training loop in the Functions app, end to end: estimates over HTTP, feedback, the admin fine-tune start,
/// the timer following the job, activation, and the next estimate using the new model with its prompts.
/// </summary>
[Collection(LocalServicesGroup.Name)]
public sealed class FineTuneFunctionsTests(AzuriteFixture azurite, CosmosFixture cosmos) : IAsyncLifetime
{
    private const string FineTunedModel = "ft:gpt-4o-2024-08-06:shop:loop:fake1";
    private FunctionsHarness _harness = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private FineTuneApi FineTune => ActivatorUtilities.CreateInstance<FineTuneApi>(_harness.Services);

    private FineTuneJobTimer Timer => ActivatorUtilities.CreateInstance<FineTuneJobTimer>(_harness.Services);

    private ModelApi Models => ActivatorUtilities.CreateInstance<ModelApi>(_harness.Services);

    public async ValueTask InitializeAsync() => _harness = await FunctionsHarness.StartAsync(azurite, cosmos);

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Estimate_feedback_fine_tune_timer_and_activate_make_the_next_estimate_use_the_new_model()
    {
        // The twelve estimates run side by side, as a shop's uploads do; each is labelled once it is done.
        var estimated = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => EstimateAsync(TestPdfs.WithPages(1, widthMm: 200 + i))));
        for (var i = 0; i < estimated.Length; i++)
        {
            var (id, etag) = estimated[i];
            var feedback = await ActivatorUtilities.CreateInstance<FeedbackApi>(_harness.Services)
                .PutAsync(Json("PUT", $$"""{"actualMinutes": {{10 + i}}, "source": "actual"}""", etag), id, Token);
            Assert.IsType<Ok<FeedbackSaved>>(feedback.Result);
        }

        var accepted = Assert.IsType<Accepted<FineTuneStartAccepted>>((await FineTune.StartAsync(Json("POST", """{"suffix": "loop", "validationPercent": 0}"""), _harness.Client, Token)).Result);
        var startId = accepted.Location!.Split('/')[^1];
        await _harness.WaitAsync(startId);
        var started = Assert.IsType<Ok<FineTuneStartStatus>>((await FineTune.GetStartAsync(FunctionsHarness.Request("GET"), startId, _harness.Client, Token)).Result);
        var job = Assert.IsType<FineTuneStartStatus>(started.Value).Job!;
        _harness.Model.FineTuning.Advance(job.JobId, "running");
        await Timer.RunAsync(new TimerInfo(), Token);
        var whileRunning = await InfoAsync();
        _harness.Model.FineTuning.Advance(job.JobId, "succeeded", FineTunedModel, trainedTokens: 50_000);
        await Timer.RunAsync(new TimerInfo(), Token);
        var afterSuccess = await InfoAsync();
        Assert.IsType<Ok<ModelInfo>>((await Models.ActivateAsync(Json("POST", $$"""{"model": "{{FineTunedModel}}"}"""), Token)).Result);
        await EstimateAsync(TestPdfs.WithPages(1, widthMm: 250));

        Assert.Equal(12, Assert.Single(_harness.Model.FineTuning.Files).Lines.Count);
        Assert.Null(job.ValidationFileId);
        Assert.Equal((FineTuneStatuses.Running, 0), (whileRunning.LatestFineTuneJob!.Status, whileRunning.Candidates.Count));
        Assert.Equal((FineTuneStatuses.Succeeded, FineTunedModel), (afterSuccess.LatestFineTuneJob!.Status, afterSuccess.LatestFineTuneJob.FineTunedModel));
        Assert.Equal([FineTunedModel], afterSuccess.Candidates);
        Assert.Equal(ModelIds.Default, afterSuccess.ActiveModel);
        var last = _harness.Model.Requests[^1];
        Assert.Equal(FineTunedModel, last.Model);
        Assert.Equal(_harness.Services.GetRequiredService<PromptCatalog>().Get(PromptCatalog.FineTunedSetId).SystemText, last.SystemText);
        var listed = await FineTune.ListAsync(FunctionsHarness.Request("GET"), Token);
        Assert.Contains(FineTunedModel, System.Text.Json.JsonSerializer.Serialize(listed.Value), StringComparison.Ordinal);
        Assert.Empty(_harness.Model.Violations);
    }

    [Fact]
    public async Task Too_few_labels_end_the_start_with_the_failed_limit_in_its_status_and_nothing_is_uploaded()
    {
        var (id, etag) = await EstimateAsync(TestPdfs.WithPages(1));
        await ActivatorUtilities.CreateInstance<FeedbackApi>(_harness.Services).PutAsync(Json("PUT", """{"actualMinutes": 5, "source": "actual"}""", etag), id, Token);

        var accepted = Assert.IsType<Accepted<FineTuneStartAccepted>>((await FineTune.StartAsync(Json("POST", """{"suffix": "loop"}"""), _harness.Client, Token)).Result);
        var startId = accepted.Location!.Split('/')[^1];
        await _harness.WaitAsync(startId);
        var status = Assert.IsType<Ok<FineTuneStartStatus>>((await FineTune.GetStartAsync(FunctionsHarness.Request("GET"), startId, _harness.Client, Token)).Result);

        var body = System.Text.Json.JsonSerializer.SerializeToElement(status.Value, System.Text.Json.JsonSerializerOptions.Web);
        Assert.Equal("failed", body.GetProperty("state").GetString());
        Assert.Equal("export_checks_failed", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("min_training_examples", body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(_harness.Model.FineTuning.Files);
        Assert.Empty(_harness.Model.FineTuning.Jobs);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"suffix": "ok", "source": "guess"}""")]
    [InlineData("""{"suffix": "has space"}""")]
    [InlineData("not json")]
    public async Task A_bad_start_request_is_400_and_starts_nothing(string body)
    {
        var result = Assert.IsType<JsonHttpResult<ApiErrorBody>>((await FineTune.StartAsync(Json("POST", body), _harness.Client, Token)).Result);

        Assert.Equal(400, result.StatusCode);
        Assert.Empty(_harness.Model.FineTuning.Files);
    }

    private async Task<ModelInfo> InfoAsync() =>
        Assert.IsType<ModelInfo>((await Models.InfoAsync(FunctionsHarness.Request("GET"), Token)).Value);

    private async Task<(string Id, string ETag)> EstimateAsync(byte[] pdf)
    {
        var accepted = Assert.IsType<Accepted<EstimateAccepted>>((await _harness.Api.PostAsync(FunctionsHarness.Request("POST", pdf), _harness.Client, Token)).Result);
        var id = accepted.Location!.Split('/')[^1];
        await _harness.WaitAsync(id);
        var document = Assert.IsType<DocumentEstimate>(Assert.IsType<Ok<DocumentEstimate>>((await _harness.Api.GetAsync(FunctionsHarness.Request("GET"), id, _harness.Client, Token)).Result).Value);
        return (id, document.ETag!);
    }

    private static Microsoft.AspNetCore.Http.HttpRequest Json(string method, string json, string? ifMatch = null)
    {
        var request = FunctionsHarness.Request(method, Encoding.UTF8.GetBytes(json), "application/json");
        if (ifMatch is not null)
        {
            request.Headers.IfMatch = ifMatch;
        }

        return request;
    }
}
