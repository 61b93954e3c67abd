using System.Text.Json;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Learning.FineTuning;
using TimeVision.Core.Learning.Training;
using TimeVision.Functions.Triggers;
using TimeVision.Testing.LocalServices;
using TimeVision.Api.Handlers;
using TimeVision.Api.Http;

namespace TimeVision.Functions.Tests;

/// <summary>
/// <c>POST /api/fine-tune/jobs</c> as a durable, idempotent start: a retry answers the same start and the provider sees
/// one job; the start runs outside the request to a recorded job; the job check deletes an ended job's files.
/// </summary>
[Collection(LocalServicesGroup.Name)]
public sealed class FineTuneStartTests(AzuriteFixture azurite, CosmosFixture cosmos) : IAsyncLifetime
{
    private const string Body = """{"suffix": "shop", "validationPercent": 0}""";
    private FunctionsHarness _harness = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private FineTuneApi Api => ActivatorUtilities.CreateInstance<FineTuneApi>(_harness.Services);

    public async ValueTask InitializeAsync() => _harness = await FunctionsHarness.StartAsync(azurite, cosmos);

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task The_same_Idempotency_Key_twice_answers_the_same_start_and_the_provider_gets_one_job()
    {
        await LabelledDocuments.SeedAsync(_harness, 10, Token);

        var first = await StartAsync(Body, "order-4711-retrain");
        var retryWhileRunning = await StartAsync(Body, "order-4711-retrain");
        await _harness.WaitAsync(first.StartId);
        var retryAfterItEnded = await StartAsync(Body, "order-4711-retrain");
        await _harness.WaitAsync(first.StartId);

        Assert.Equal(("started", true), (first.Status, first.Started));
        Assert.Equal((first.StartId, "already_started", false), (retryWhileRunning.StartId, retryWhileRunning.Status, retryWhileRunning.Started));
        Assert.Equal((first.StartId, "already_started"), (retryAfterItEnded.StartId, retryAfterItEnded.Status));
        Assert.Single(_harness.Model.FineTuning.Jobs);
        Assert.Single(_harness.Model.FineTuning.Files);
        Assert.Single(await _harness.Services.GetRequiredService<FineTuneService>().ListAsync(Token));
    }

    [Fact]
    public async Task Without_a_key_the_same_labels_give_one_job_and_one_new_label_gives_a_new_one()
    {
        var ids = await LabelledDocuments.SeedAsync(_harness, 10, Token);

        var first = await StartAsync(Body);
        await _harness.WaitAsync(first.StartId);
        var repeat = await StartAsync(Body);
        var otherSuffix = await StartAsync("""{"suffix": "other", "validationPercent": 0}""");
        await _harness.WaitAsync(otherSuffix.StartId);
        await LabelledDocuments.LabelAsync(_harness, ids[0], 99, Token);
        var afterNewLabel = await StartAsync(Body);
        await _harness.WaitAsync(afterNewLabel.StartId);

        Assert.Equal((first.StartId, "already_started"), (repeat.StartId, repeat.Status));
        Assert.NotEqual(first.StartId, otherSuffix.StartId);
        Assert.NotEqual(first.StartId, afterNewLabel.StartId);
        Assert.Equal("started", afterNewLabel.Status);
        Assert.Equal(3, _harness.Model.FineTuning.Jobs.Count);
    }

    [Fact]
    public async Task The_start_runs_outside_the_request_to_a_recorded_job_with_both_file_ids_and_its_status_shows_the_job()
    {
        var ids = await LabelledDocuments.SeedAsync(_harness, 14, Token);
        Assert.True(ids.Count(id => !TrainingExporter.IsValidation(id, 20)) >= 10 && ids.Any(id => TrainingExporter.IsValidation(id, 20)));

        var started = await StartAsync("""{"suffix": "shop", "validationPercent": 20}""", "with-validation");
        await _harness.WaitAsync(started.StartId);
        var status = await StatusAsync(started.StartId);

        var provider = Assert.Single(_harness.Model.FineTuning.Jobs);
        Assert.Equal(200, status.Code);
        Assert.Equal("job_started", status.Body.GetProperty("state").GetString());
        var job = Assert.Single(await _harness.Services.GetRequiredService<FineTuneService>().ListAsync(Token));
        Assert.Equal((provider.Id, started.StartId), (job.JobId, job.StartId));
        Assert.Equal(provider.Request["training_file"]!.GetValue<string>(), job.TrainingFileId);
        Assert.Equal(provider.Request["validation_file"]!.GetValue<string>(), job.ValidationFileId);
        Assert.NotNull(job.ValidationFileId);
        Assert.Equal(job.JobId, status.Body.GetProperty("job").GetProperty("jobId").GetString());
        Assert.Equal(
            [StoredFineTuneStart.FileNameFor(started.StartId, "train.jsonl"), StoredFineTuneStart.FileNameFor(started.StartId, "validation.jsonl")],
            _harness.Model.FineTuning.Files.Select(f => f.FileName).Order(StringComparer.Ordinal));
        Assert.Empty(_harness.Model.Violations);
    }

    [Fact]
    public async Task A_start_is_202_running_while_its_upload_waits_then_200_and_an_unknown_one_is_404()
    {
        await LabelledDocuments.SeedAsync(_harness, 10, Token);
        var uploads = new TaskCompletionSource();
        _harness.Model.FineTuning.UploadsWaitFor = uploads.Task;

        var started = await StartAsync(Body);
        var whileUploading = await StatusAsync(started.StartId);
        uploads.SetResult();
        await _harness.WaitAsync(started.StartId);
        var ended = await StatusAsync(started.StartId);
        var unknown = await StatusAsync("finetune-00000000000000000000000000000000");
        var notAStart = await StatusAsync(new string('d', 64));

        Assert.Equal((202, "running"), (whileUploading.Code, whileUploading.Body.GetProperty("state").GetString()));
        var stage = whileUploading.Body.GetProperty("stage").GetString();
        Assert.True(stage is "pending" or "uploading", $"stage {stage}");
        Assert.Equal((200, "job_started"), (ended.Code, ended.Body.GetProperty("state").GetString()));
        Assert.Equal((404, 404), (unknown.Code, notAStart.Code));
    }

    [Theory]
    [InlineData("")]
    [InlineData("bad\u00e9key")]
    [InlineData("tab\tkey")]
    public async Task An_Idempotency_Key_that_is_not_1_to_128_printable_ASCII_characters_is_400(string key)
    {
        var result = Assert.IsType<JsonHttpResult<ApiErrorBody>>((await Api.StartAsync(Request(Body, key), _harness.Client, Token)).Result);

        Assert.Equal(400, result.StatusCode);
        Assert.Equal("invalid_idempotency_key", ErrorCode(result));
    }

    [Fact]
    public async Task A_key_of_129_characters_is_400_and_one_of_128_is_taken()
    {
        await LabelledDocuments.SeedAsync(_harness, 10, Token);

        var tooLong = Assert.IsType<JsonHttpResult<ApiErrorBody>>((await Api.StartAsync(Request(Body, new string('k', 129)), _harness.Client, Token)).Result);
        var longest = await StartAsync(Body, new string('k', 128));
        await _harness.WaitAsync(longest.StartId);

        Assert.Equal(400, tooLong.StatusCode);
        Assert.Equal("started", longest.Status);
    }

    [Fact]
    public async Task A_key_sent_again_with_a_different_body_is_422_and_starts_nothing_new()
    {
        await LabelledDocuments.SeedAsync(_harness, 10, Token);
        var first = await StartAsync(Body, "same-key");
        await _harness.WaitAsync(first.StartId);

        var reused = Assert.IsType<JsonHttpResult<ApiErrorBody>>((await Api.StartAsync(Request("""{"suffix": "different", "validationPercent": 0}""", "same-key"), _harness.Client, Token)).Result);

        Assert.Equal(422, reused.StatusCode);
        Assert.Equal("idempotency_key_reused", ErrorCode(reused));
        Assert.Single(_harness.Model.FineTuning.Jobs);
    }

    [Fact]
    public async Task The_timer_deletes_an_ended_jobs_files_from_the_provider_once()
    {
        await LabelledDocuments.SeedAsync(_harness, 10, Token);
        var started = await StartAsync(Body);
        await _harness.WaitAsync(started.StartId);
        var job = Assert.Single(await _harness.Services.GetRequiredService<FineTuneService>().ListAsync(Token));
        var timer = ActivatorUtilities.CreateInstance<FineTuneJobTimer>(_harness.Services);

        _harness.Model.FineTuning.Advance(job.JobId, "running");
        await timer.RunAsync(new TimerInfo(), Token);
        var deletedWhileRunning = _harness.Model.FineTuning.DeletedFiles.Count;
        _harness.Model.FineTuning.Advance(job.JobId, "cancelled");
        await timer.RunAsync(new TimerInfo(), Token);
        await timer.RunAsync(new TimerInfo(), Token);

        Assert.Equal(0, deletedWhileRunning);
        Assert.Equal([job.TrainingFileId], _harness.Model.FineTuning.DeletedFiles);
        Assert.Empty(_harness.Model.FineTuning.StoredFiles);
        Assert.NotNull(Assert.Single(await _harness.Services.GetRequiredService<FineTuneService>().ListAsync(Token)).FilesDeletedAt);
    }

    [Fact]
    public async Task With_KeepTrainingFiles_the_timer_leaves_an_ended_jobs_files_with_the_provider()
    {
        await using var keeping = await FunctionsHarness.StartAsync(
            azurite, cosmos, settings: new Dictionary<string, string?> { ["FineTuning:KeepTrainingFiles"] = "true" });
        await LabelledDocuments.SeedAsync(keeping, 10, Token);
        var accepted = Assert.IsType<Accepted<FineTuneStartAccepted>>((await ActivatorUtilities.CreateInstance<FineTuneApi>(keeping.Services).StartAsync(Request(Body, null), keeping.Client, Token)).Result);
        await keeping.WaitAsync(accepted.Location!.Split('/')[^1]);
        var job = Assert.Single(await keeping.Services.GetRequiredService<FineTuneService>().ListAsync(Token));

        keeping.Model.FineTuning.Advance(job.JobId, "succeeded", "ft:gpt-4o-2024-08-06:shop:shop:kept");
        await ActivatorUtilities.CreateInstance<FineTuneJobTimer>(keeping.Services).RunAsync(new TimerInfo(), Token);

        Assert.Empty(keeping.Model.FineTuning.DeletedFiles);
        Assert.Single(keeping.Model.FineTuning.StoredFiles);
        var checkedJob = Assert.Single(await keeping.Services.GetRequiredService<FineTuneService>().ListAsync(Token));
        Assert.Equal((FineTuneStatuses.Succeeded, null), (checkedJob.Status, checkedJob.FilesDeletedAt));
    }

    private async Task<StartAnswer> StartAsync(string json, string? key = null)
    {
        var accepted = Assert.IsType<Accepted<FineTuneStartAccepted>>((await Api.StartAsync(Request(json, key), _harness.Client, Token)).Result);
        var body = JsonSerializer.SerializeToElement(accepted.Value, JsonSerializerOptions.Web);
        var startId = body.GetProperty("startId").GetString()!;
        Assert.Equal(accepted.Location, body.GetProperty("statusUrl").GetString());
        Assert.EndsWith($"/api/fine-tune/starts/{startId}", accepted.Location, StringComparison.Ordinal);
        return new StartAnswer(startId, body.GetProperty("status").GetString()!, body.GetProperty("started").GetBoolean());
    }

    private async Task<(int Code, JsonElement Body)> StatusAsync(string startId)
    {
        var result = (await Api.GetStartAsync(FunctionsHarness.Request("GET"), startId, _harness.Client, Token)).Result;
        return (Assert.IsAssignableFrom<IStatusCodeHttpResult>(result).StatusCode ?? 200, JsonSerializer.SerializeToElement(Assert.IsAssignableFrom<IValueHttpResult>(result).Value, JsonSerializerOptions.Web));
    }

    private static HttpRequest Request(string json, string? key)
    {
        var request = FunctionsHarness.Request("POST", Encoding.UTF8.GetBytes(json), "application/json");
        if (key is not null)
        {
            request.Headers[FineTuneApi.IdempotencyKeyHeader] = key;
        }

        return request;
    }

    private static string? ErrorCode(JsonHttpResult<ApiErrorBody> result) =>
        JsonSerializer.SerializeToElement(result.Value).GetProperty("error").GetProperty("code").GetString();

    private sealed record StartAnswer(string StartId, string Status, bool Started);
}
