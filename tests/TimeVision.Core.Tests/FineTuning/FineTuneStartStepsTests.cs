using Microsoft.Extensions.DependencyInjection;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Learning.FineTuning;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing.FakeOpenAI;

namespace TimeVision.Core.Tests.FineTuning;

/// <summary>
/// The durable start's steps against the fake provider and the local stores, run again as a replay would run them:
/// after a normal run, and after a crash between a provider call and its record.
/// </summary>
public sealed class FineTuneStartStepsTests : FakeOpenAITestBase
{
    private const string StartId = "finetune-0123456789abcdef0123456789abcdef";
    private ServiceProvider _services = null!;

    private FineTuneStartSteps Steps => _services.Get<FineTuneStartSteps>();

    private IFineTuneJobStore Jobs => _services.Get<IFineTuneJobStore>();

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
    public async Task Every_step_run_twice_uploads_each_file_once_creates_one_job_and_records_it_once()
    {
        await LabelledCorpus.BuildAsync(_services, Token, measuredDocuments: 16);

        foreach (var _ in new[] { 1, 2 })
        {
            Assert.Null((await Steps.UploadAsync(Input(), Token)).Error);
            Assert.Null((await Steps.CreateJobAsync(Input(), Token)).Error);
            await Steps.RecordJobAsync(Input(), Token);
        }

        var provider = Assert.Single(Server.FineTuning.Jobs);
        Assert.Equal(
            [StoredFineTuneStart.FileNameFor(StartId, "train.jsonl"), StoredFineTuneStart.FileNameFor(StartId, "validation.jsonl")],
            Server.FineTuning.Files.Select(f => f.FileName).Order(StringComparer.Ordinal));
        var job = Assert.Single(await Jobs.ListAsync(Token));
        Assert.Equal((provider.Id, StartId, "ts-1"), (job.JobId, job.StartId, job.Suffix));
        Assert.Equal(provider.Request["training_file"]!.GetValue<string>(), job.TrainingFileId);
        Assert.Equal(provider.Request["validation_file"]!.GetValue<string>(), job.ValidationFileId);
    }

    [Fact]
    public async Task An_upload_replayed_after_a_crash_between_the_upload_and_its_record_finds_the_file_instead_of_uploading_again()
    {
        await LabelledCorpus.BuildAsync(_services, Token, measuredDocuments: 16);
        var crashing = new CrashingJobStore(Jobs, start => start.TrainingFileId is not null);

        await Assert.ThrowsAsync<IOException>(() => StepsWith(crashing).UploadAsync(Input(), Token));
        var uploadedBeforeTheCrash = Server.FineTuning.Files.Count;
        var replay = await Steps.UploadAsync(Input(), Token);

        Assert.Equal(1, uploadedBeforeTheCrash);
        Assert.Null(replay.Error);
        Assert.Equal(2, Server.FineTuning.Files.Count);
        var start = (await Jobs.GetStartAsync(StartId, Token))!;
        Assert.Equal(Server.FineTuning.Files.Single(f => f.FileName.EndsWith("-train.jsonl", StringComparison.Ordinal)).Id, start.TrainingFileId);
    }

    [Fact]
    public async Task A_job_creation_replayed_after_a_crash_before_its_record_finds_the_job_instead_of_starting_a_second()
    {
        await LabelledCorpus.BuildAsync(_services, Token, measuredDocuments: 16);
        await Steps.UploadAsync(Input(), Token);
        var crashing = new CrashingJobStore(Jobs, start => start.JobId is not null);

        await Assert.ThrowsAsync<IOException>(() => StepsWith(crashing).CreateJobAsync(Input(), Token));
        var replay = await Steps.CreateJobAsync(Input(), Token);
        var jobId = await Steps.RecordJobAsync(Input(), Token);

        Assert.Null(replay.Error);
        var provider = Assert.Single(Server.FineTuning.Jobs);
        Assert.Equal(provider.Id, jobId);
        Assert.Equal(provider.Id, Assert.Single(await Jobs.ListAsync(Token)).JobId);
    }

    [Fact]
    public async Task Recording_again_keeps_the_job_as_the_check_last_left_it()
    {
        await LabelledCorpus.BuildAsync(_services, Token, measuredDocuments: 16);
        await Steps.UploadAsync(Input(), Token);
        await Steps.CreateJobAsync(Input(), Token);
        var jobId = await Steps.RecordJobAsync(Input(), Token);
        Server.FineTuning.Advance(jobId, "running");
        await _services.Get<FineTuneService>().CheckAsync(Token);

        await Steps.RecordJobAsync(Input(), Token);

        Assert.Equal(FineTuneStatuses.Running, Assert.Single(await Jobs.ListAsync(Token)).Status);
    }

    [Fact]
    public async Task Too_few_examples_end_the_start_with_a_typed_error_and_nothing_is_uploaded()
    {
        await LabelledCorpus.BuildAsync(_services, Token, measuredDocuments: 10);

        var result = await Steps.UploadAsync(Input(validationPercent: 50), Token);

        Assert.Equal("export_checks_failed", result.Error?.Code);
        Assert.Contains("min_training_examples", result.Error!.Message, StringComparison.Ordinal);
        Assert.Empty(Server.FineTuning.Files);
    }

    [Fact]
    public async Task A_bad_suffix_ends_the_start_with_a_typed_error_before_anything_is_exported()
    {
        var result = await Steps.UploadAsync(Input(suffix: "has space"), Token);

        Assert.Equal("invalid_suffix", result.Error?.Code);
        Assert.Empty(Server.FineTuning.Files);
    }

    [Fact]
    public async Task A_job_the_provider_refuses_ends_the_start_with_provider_rejected_and_its_files_are_deleted()
    {
        await LabelledCorpus.BuildAsync(_services, Token, measuredDocuments: 16);
        await Steps.UploadAsync(Input(), Token);
        Server.FineTuning.RefuseJobsWith = "Model gpt-4o-2024-08-06 is not available for fine-tuning.";

        var result = await Steps.CreateJobAsync(Input(), Token);

        Assert.Equal("provider_rejected", result.Error?.Code);
        Assert.DoesNotContain("not available", result.Error!.Message, StringComparison.Ordinal);
        Assert.Empty(Server.FineTuning.Jobs);
        Assert.Empty(Server.FineTuning.StoredFiles);
    }

    private static FineTuneStartInput Input(int validationPercent = 10, string suffix = "ts-1") =>
        new(StartId, new FineTuneStartRequest("gpt-4o-2024-08-06", suffix, [FeedbackSource.Actual], validationPercent), "request-hash", 3, TimeSpan.FromSeconds(5));

    private FineTuneStartSteps StepsWith(IFineTuneJobStore jobs) => ActivatorUtilities.CreateInstance<FineTuneStartSteps>(_services, jobs);

    /// <summary>A job store whose first save of a start matching <c>crashAt</c> fails, as a worker dying just then would.</summary>
    private sealed class CrashingJobStore(IFineTuneJobStore inner, Func<StoredFineTuneStart, bool> crashAt) : IFineTuneJobStore
    {
        private bool _crashed;

        public Task SaveStartAsync(StoredFineTuneStart start, CancellationToken cancellationToken)
        {
            if (!_crashed && crashAt(start))
            {
                _crashed = true;
                throw new IOException("The worker died before it could record the result.");
            }

            return inner.SaveStartAsync(start, cancellationToken);
        }

        public Task<StoredFineTuneStart?> GetStartAsync(string startId, CancellationToken cancellationToken) => inner.GetStartAsync(startId, cancellationToken);

        public Task SaveAsync(FineTuneJob job, CancellationToken cancellationToken) => inner.SaveAsync(job, cancellationToken);

        public Task<FineTuneJob?> GetAsync(string jobId, CancellationToken cancellationToken) => inner.GetAsync(jobId, cancellationToken);

        public Task<IReadOnlyList<FineTuneJob>> ListAsync(CancellationToken cancellationToken) => inner.ListAsync(cancellationToken);
    }
}
