using Microsoft.DurableTask;
using Moq;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Learning.FineTuning;
using TimeVision.Core.Learning.FineTuning.Durable;

namespace TimeVision.Core.Tests.FineTuning.Durable;

/// <summary>The start orchestrator alone, against a strict mock of its context: which steps it calls, in what order, and how it ends.</summary>
public sealed class FineTuneStartOrchestrationTests
{
    private static readonly FineTuneStartInput Input = new(
        "finetune-0123456789abcdef0123456789abcdef",
        new FineTuneStartRequest("gpt-4o-2024-08-06", "shop", [FeedbackSource.Actual], 10),
        "request-hash",
        ActivityAttempts: 4,
        ActivityFirstRetry: TimeSpan.FromSeconds(7));

    private readonly Mock<TaskOrchestrationContext> _context = new(MockBehavior.Strict);
    private readonly List<(string Step, object? Input, TaskOptions? Options)> _calls = [];
    private readonly List<string> _stages = [];

    public FineTuneStartOrchestrationTests() =>
        _context.Setup(c => c.SetCustomStatus(It.IsAny<object?>())).Callback((object? status) => _stages.Add(((FineTuneStartProgress)status!).Stage));

    [Fact]
    public async Task The_steps_run_in_order_with_the_inputs_retry_policy_and_the_outcome_names_the_recorded_job()
    {
        Step(nameof(UploadTrainingFiles), FineTuneStepResult.Done);
        Step(nameof(CreateFineTuneJob), FineTuneStepResult.Done);
        Step(nameof(RecordFineTuneJob), "ftjob-1");

        var outcome = await new FineTuneStart().RunAsync(_context.Object, Input);

        Assert.Equal(new FineTuneStartOutcome("ftjob-1", null), outcome);
        Assert.Equal([nameof(UploadTrainingFiles), nameof(CreateFineTuneJob), nameof(RecordFineTuneJob)], _calls.Select(c => c.Step));
        Assert.All(_calls, call =>
        {
            Assert.Same(Input, call.Input);
            var policy = call.Options!.Retry!.Policy!;
            Assert.Equal((4, TimeSpan.FromSeconds(7), 2.0), (policy.MaxNumberOfAttempts, policy.FirstRetryInterval, policy.BackoffCoefficient));
        });
        Assert.Equal(["uploading", "creating_job", "recording_job", "done"], _stages);
    }

    [Fact]
    public async Task An_upload_that_ends_with_an_input_error_ends_the_start_with_that_error_and_creates_no_job()
    {
        var tooFew = new FineTuneStartError("export_checks_failed", "The export fails the fine-tuning limits (min_training_examples: 3 training examples).");
        Step(nameof(UploadTrainingFiles), new FineTuneStepResult(tooFew));

        var outcome = await new FineTuneStart().RunAsync(_context.Object, Input);

        Assert.Equal(new FineTuneStartOutcome(null, tooFew), outcome);
        Assert.Equal([nameof(UploadTrainingFiles)], _calls.Select(c => c.Step));
        Assert.Equal("done", _stages[^1]);
    }

    [Fact]
    public async Task A_job_the_provider_refuses_ends_the_start_with_that_error_and_records_nothing()
    {
        var refused = new FineTuneStartError("provider_rejected", "The model provider refused the fine-tuning job (400).");
        Step(nameof(UploadTrainingFiles), FineTuneStepResult.Done);
        Step(nameof(CreateFineTuneJob), new FineTuneStepResult(refused));

        var outcome = await new FineTuneStart().RunAsync(_context.Object, Input);

        Assert.Equal(new FineTuneStartOutcome(null, refused), outcome);
        Assert.DoesNotContain(nameof(RecordFineTuneJob), _calls.Select(c => c.Step));
    }

    private void Step<TResult>(string name, TResult result) =>
        _context.Setup(c => c.CallActivityAsync<TResult>(It.Is<TaskName>(n => n.Name == name), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback((TaskName _, object? input, TaskOptions? options) => _calls.Add((name, input, options)))
            .ReturnsAsync(result);
}
