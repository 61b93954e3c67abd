using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Vision.Registry;
using TimeVision.Core.Learning.FineTuning;
using TimeVision.Core.Learning.Training;
using TimeVision.Core.ModelOps.ModelManagement;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing;
using TimeVision.Testing.FakeOpenAI;

namespace TimeVision.Core.Tests.FineTuning;

/// <summary>
/// Starting fine-tuning jobs from an export and following them, against the fake OpenAI server through the SDK. Each
/// test has its own server and data folder; the exports it starts from are made once for the class and only read.
/// </summary>
public sealed class FineTuneServiceTests(LabelledExports exports) : FakeOpenAITestBase, IClassFixture<LabelledExports>
{
    private const string FineTunedModel = "ft:gpt-4o-2024-08-06:shop:ts-1:fake123";
    private ServiceProvider _services = null!;

    private FineTuneService FineTuning => _services.Get<FineTuneService>();

    /// <summary>The export this test made with <see cref="ExportAsync"/>, else a folder that does not exist.</summary>
    private string ExportFolder { get; set; } = Path.Combine(Path.GetTempPath(), "timevision-tests", "no-export-" + Guid.NewGuid().ToString("N"));

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _services = CoreServices.Create([("Storage:DataDirectory", Path.Combine(Folder.Path, "data")), .. ServerSettings, ("Vision:MaxRetries", "0")]);
    }

    public override async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Start_after_the_endpoints_job_cut_off_stops_naming_the_ways_on_and_uploads_nothing()
    {
        await ExportAsync(measuredDocuments: 16);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2027, 1, 6, 8, 0, 0, TimeSpan.Zero));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = Path.Combine(Folder.Path, "data"),
            ["Vision:Endpoint"] = Server.BaseUrl.ToString(),
            ["Vision:ApiKey"] = FakeOpenAIServer.ApiKey,
            ["FineTuning:NewJobsCloseOn"] = "2027-01-06",
        }).Build();
        await using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(time)
            .AddLogging()
            .AddTimeVisionCore()
            .BuildServiceProvider();

        var exception = await Assert.ThrowsAsync<FineTuneInputException>(() => services.Get<FineTuneService>().StartAsync("gpt-4o-2024-08-06", "ts-1", ExportFolder, Token));

        Assert.Equal("fine_tuning_closed", exception.Code);
        Assert.Contains("Azure OpenAI", exception.Message, StringComparison.Ordinal);
        Assert.Contains("--format sharegpt", exception.Message, StringComparison.Ordinal);
        Assert.Empty(Server.FineTuning.Files);
        Assert.Empty(Server.FineTuning.Jobs);
    }

    [Theory]
    [InlineData(null, "openai", "2027-01-06")]
    [InlineData(null, "azure_openai", null)]
    [InlineData("2027-02-01", "azure_openai", "2027-02-01")]
    public void New_jobs_close_on_OpenAIs_endpoint_by_default_and_where_configured(string? setting, string endpointKind, string? expected) =>
        Assert.Equal(
            expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            new FineTuneOptions { NewJobsCloseOn = setting is null ? null : DateOnly.Parse(setting, System.Globalization.CultureInfo.InvariantCulture) }.ClosesOn(endpointKind));

    [Fact]
    public async Task Start_uploads_both_files_for_fine_tuning_creates_the_job_and_records_it()
    {
        var manifest = await ExportAsync(measuredDocuments: 16);

        var job = await FineTuning.StartAsync("gpt-4o-2024-08-06", "ts-1", ExportFolder, Token);

        Assert.Empty(Server.Violations);
        var created = Assert.Single(Server.FineTuning.Jobs);
        var training = Assert.Single(Server.FineTuning.Files, f => f.Id == job.TrainingFileId);
        var validation = Assert.Single(Server.FineTuning.Files, f => f.Id == job.ValidationFileId);
        Assert.Equal(File.ReadAllBytes(Path.Combine(ExportFolder, "train.jsonl")), training.Content);
        Assert.Equal(File.ReadAllBytes(Path.Combine(ExportFolder, "validation.jsonl")), validation.Content);
        Assert.Equal(("train.jsonl", "validation.jsonl", "fine-tune"), (training.FileName, validation.FileName, validation.Purpose));
        Assert.Equal(
            ("gpt-4o-2024-08-06", job.TrainingFileId, job.ValidationFileId, "ts-1"),
            (created.Request["model"]!.GetValue<string>(), created.Request["training_file"]!.GetValue<string>(),
             created.Request["validation_file"]!.GetValue<string>(), created.Request["suffix"]!.GetValue<string>()));
        Assert.Equal((created.Id, FineTuneStatuses.ValidatingFiles), (job.JobId, job.Status));
        Assert.Equal((manifest.Train.Examples, manifest.Validation.Examples, "ft"), (job.Export.TrainingExamples, job.Export.ValidationExamples, job.Export.PromptSetId));
        Assert.Equal(job, Assert.Single(await FineTuning.ListAsync(Token)));
        var info = await _services.Get<ModelInfoService>().GetAsync(Token);
        Assert.Equal((job.JobId, FineTuneStatuses.ValidatingFiles), (info.LatestFineTuneJob?.JobId, info.LatestFineTuneJob?.Status));
    }

    [Fact]
    public async Task The_check_follows_a_job_from_running_to_succeeded_and_registers_its_model_as_a_candidate_without_switching_to_it()
    {
        await ExportAsync(measuredDocuments: 16);
        var job = await FineTuning.StartAsync("gpt-4o-2024-08-06", "ts-1", ExportFolder, Token);
        Server.FineTuning.Advance(job.JobId, "running");
        Server.FineTuning.AddMetricsEvent(job.JobId, step: 10, trainLoss: 0.8, validLoss: 0.9);

        var running = Assert.Single(await FineTuning.CheckAsync(Token));
        Server.FineTuning.AddCheckpoint(job.JobId, step: 20, trainLoss: 0.5, validLoss: 0.6, fullValidLoss: 0.62);
        Server.FineTuning.Advance(job.JobId, "succeeded", FineTunedModel, trainedTokens: 123_456);
        var succeeded = Assert.Single(await FineTuning.CheckAsync(Token));

        Assert.Equal((FineTuneStatuses.Running, false), (running.Status, running.CandidateRegistered));
        Assert.Equal(new FineTuneMetrics(10, 0.8, 0.9, null, "event"), running.Metrics);
        Assert.Equal((FineTuneStatuses.Succeeded, FineTunedModel, 123_456, true), (succeeded.Status, succeeded.FineTunedModel, succeeded.TrainedTokens, succeeded.CandidateRegistered));
        Assert.Equal(new FineTuneMetrics(20, 0.5, 0.6, 0.62, "checkpoint"), succeeded.Metrics);
        Assert.NotNull(succeeded.FinishedAt);
        var info = await _services.Get<ModelInfoService>().GetAsync(Token);
        Assert.Equal([FineTunedModel], info.Candidates);
        Assert.Equal(ModelIds.Default, info.ActiveModel);
        Assert.Equal(succeeded, Assert.Single(await FineTuning.ListAsync(Token)));
    }

    [Fact]
    public async Task A_failed_job_is_recorded_with_its_error_and_registers_nothing()
    {
        await ExportAsync(measuredDocuments: 16);
        var job = await FineTuning.StartAsync("gpt-4o-2024-08-06", "ts-1", ExportFolder, Token);
        Server.FineTuning.Advance(job.JobId, "failed", error: ("invalid_training_file", "The training file has too few examples.", "training_file"));

        var failed = Assert.Single(await FineTuning.CheckAsync(Token));
        var again = Assert.Single(await FineTuning.CheckAsync(Token));

        Assert.Equal(FineTuneStatuses.Failed, failed.Status);
        Assert.Equal(new FineTuneError("invalid_training_file", "The training file has too few examples.", "training_file"), failed.Error);
        Assert.True(failed.IsFinished);
        Assert.Equal(failed, again);
        Assert.Empty((await _services.Get<IModelRegistry>().GetAsync(Token)).Candidates);
    }

    [Fact]
    public async Task A_job_the_API_cannot_answer_for_is_left_as_it_was_and_checked_again_next_time()
    {
        await ExportAsync(measuredDocuments: 16);
        var job = await FineTuning.StartAsync("gpt-4o-2024-08-06", "ts-1", ExportFolder, Token);
        Server.FineTuning.Advance(job.JobId, "running");
        Server.FineTuning.JobReadFailure = 500;

        var unchanged = Assert.Single(await FineTuning.CheckAsync(Token));
        Server.FineTuning.JobReadFailure = null;
        var caughtUp = Assert.Single(await FineTuning.CheckAsync(Token));

        Assert.Equal(FineTuneStatuses.ValidatingFiles, unchanged.Status);
        Assert.Equal(FineTuneStatuses.Running, caughtUp.Status);
    }

    [Theory]
    [InlineData(FineTuneStatuses.Succeeded)]
    [InlineData(FineTuneStatuses.Failed)]
    [InlineData(FineTuneStatuses.Cancelled)]
    public async Task A_job_that_ends_has_its_training_and_validation_files_deleted_from_the_provider_once(string end)
    {
        await ExportAsync(measuredDocuments: 16);
        var job = await FineTuning.StartAsync("gpt-4o-2024-08-06", "ts-1", ExportFolder, Token);
        Server.FineTuning.Advance(job.JobId, "running");

        var running = Assert.Single(await FineTuning.CheckAsync(Token));
        var deletedWhileRunning = Server.FineTuning.DeletedFiles;
        Server.FineTuning.Advance(job.JobId, end, end == FineTuneStatuses.Succeeded ? FineTunedModel : null);
        var ended = Assert.Single(await FineTuning.CheckAsync(Token));
        var again = Assert.Single(await FineTuning.CheckAsync(Token));

        Assert.Empty(deletedWhileRunning);
        Assert.Null(running.FilesDeletedAt);
        Assert.Equal([job.TrainingFileId, job.ValidationFileId!], Server.FineTuning.DeletedFiles);
        Assert.Empty(Server.FineTuning.StoredFiles);
        Assert.NotNull(ended.FilesDeletedAt);
        Assert.Equal(ended, again);
        Assert.Equal(ended, Assert.Single(await FineTuning.ListAsync(Token)));
    }

    [Fact]
    public async Task With_KeepTrainingFiles_an_ended_jobs_files_stay_with_the_provider()
    {
        await using var keeping = CoreServices.Create(
            [("Storage:DataDirectory", Path.Combine(Folder.Path, "data")), .. ServerSettings, ("Vision:MaxRetries", "0"), ("FineTuning:KeepTrainingFiles", "true")]);
        await ExportAsync(measuredDocuments: 16);
        var fineTuning = keeping.Get<FineTuneService>();
        var job = await fineTuning.StartAsync("gpt-4o-2024-08-06", "ts-1", ExportFolder, Token);
        Server.FineTuning.Advance(job.JobId, "succeeded", FineTunedModel);

        var ended = Assert.Single(await fineTuning.CheckAsync(Token));

        Assert.Equal(FineTuneStatuses.Succeeded, ended.Status);
        Assert.Null(ended.FilesDeletedAt);
        Assert.Empty(Server.FineTuning.DeletedFiles);
        Assert.Equal(2, Server.FineTuning.StoredFiles.Count);
    }

    [Fact]
    public async Task A_deletion_the_provider_fails_is_logged_not_thrown_and_done_at_the_next_check()
    {
        var logs = new CapturingLoggerProvider();
        await using var logged = CoreServices.Create(
            services => services.AddTimeVisionCore().AddLogging(logging => logging.AddProvider(logs)),
            [("Storage:DataDirectory", Path.Combine(Folder.Path, "data")), .. ServerSettings, ("Vision:MaxRetries", "0")]);
        await ExportAsync(measuredDocuments: 16);
        var fineTuning = logged.Get<FineTuneService>();
        var job = await fineTuning.StartAsync("gpt-4o-2024-08-06", "ts-1", ExportFolder, Token);
        Server.FineTuning.Advance(job.JobId, "failed", error: ("invalid_training_file", "Bad file.", "training_file"));
        Server.FineTuning.FileDeleteFailure = 503;

        var failedDeletion = Assert.Single(await fineTuning.CheckAsync(Token));
        Server.FineTuning.FileDeleteFailure = null;
        var deleted = Assert.Single(await fineTuning.CheckAsync(Token));

        Assert.Equal(FineTuneStatuses.Failed, failedDeletion.Status);
        Assert.Null(failedDeletion.FilesDeletedAt);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains(job.JobId, StringComparison.Ordinal) && e.Message.Contains("503", StringComparison.Ordinal));
        Assert.NotNull(deleted.FilesDeletedAt);
        Assert.Empty(Server.FineTuning.StoredFiles);
    }

    [Fact]
    public async Task An_export_that_fails_the_limits_uploads_nothing()
    {
        var manifest = await ExportAsync(measuredDocuments: 10, validationPercent: 50);

        var error = await Assert.ThrowsAsync<FineTuneInputException>(() => FineTuning.StartAsync("gpt-4o-2024-08-06", "ts-1", ExportFolder, Token));

        Assert.False(manifest.Checks.All(c => c.Passed));
        Assert.Equal("export_checks_failed", error.Code);
        Assert.Contains("min_training_examples", error.Message, StringComparison.Ordinal);
        Assert.Empty(Server.FineTuning.Files);
    }

    [Theory]
    [InlineData("", "ts-1", "invalid_base_model")]
    [InlineData("gpt-4o-2024-08-06", "has space", "invalid_suffix")]
    [InlineData("gpt-4o-2024-08-06", "", "invalid_suffix")]
    public async Task Bad_names_are_rejected_before_anything_is_uploaded(string baseModel, string suffix, string code)
    {
        var error = await Assert.ThrowsAsync<FineTuneInputException>(() => FineTuning.StartAsync(baseModel, suffix, ExportFolder, Token));

        Assert.Equal(code, error.Code);
        Assert.Empty(Server.FineTuning.Files);
    }

    [Fact]
    public async Task A_folder_without_an_export_says_how_to_make_one()
    {
        var error = await Assert.ThrowsAsync<FineTuneInputException>(() => FineTuning.StartAsync("gpt-4o-2024-08-06", "ts-1", Folder.Path, Token));

        Assert.Equal("no_export", error.Code);
        Assert.Contains("export-training", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sharegpt_export_is_refused_as_open_weight_training_data_and_nothing_is_uploaded()
    {
        var manifest = await ExportAsync(measuredDocuments: 16, format: TrainingFormat.ShareGpt);

        var error = await Assert.ThrowsAsync<FineTuneInputException>(() => FineTuning.StartAsync("gpt-4o-2024-08-06", "ts-1", ExportFolder, Token));

        Assert.True(manifest.Checks.All(c => c.Passed), "the export passes the limits: the format alone is refused");
        Assert.Equal("wrong_export_format", error.Code);
        Assert.Contains("--format openai", error.Message, StringComparison.Ordinal);
        Assert.Empty(Server.FineTuning.Files);
        Assert.Empty(Server.FineTuning.Jobs);
        Assert.Empty(await FineTuning.ListAsync(Token));
    }

    private async Task<TrainingManifest> ExportAsync(int measuredDocuments, int validationPercent = 10, TrainingFormat format = TrainingFormat.OpenAI)
    {
        var export = await exports.GetAsync(measuredDocuments, validationPercent, format, Token);
        ExportFolder = export.Folder;
        return export.Manifest;
    }
}
