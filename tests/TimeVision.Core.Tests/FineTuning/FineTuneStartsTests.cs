using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Moq;
using TimeVision.Core.Durable;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Learning.FineTuning;
using TimeVision.Core.Learning.FineTuning.Durable;
using TimeVision.Core.Tests.Storage;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.FineTuning;

/// <summary>
/// The start intake on its own, with a client that records what would be scheduled: how a start is named (by the
/// caller's key, or by the request and the training set), and what it does with a start that exists.
/// </summary>
public sealed class FineTuneStartsTests : IDisposable
{
    private static readonly FineTuneStartRequest Request = new("gpt-4o-2024-08-06", "shop", [FeedbackSource.Actual], 10);
    private readonly TempFolder _folder = new();
    private readonly Mock<DurableTaskClient> _client = new("test");
    private readonly Dictionary<string, OrchestrationMetadata> _instances = new(StringComparer.Ordinal);
    private readonly List<string> _scheduled = [];
    private readonly List<string> _purged = [];
    private readonly Microsoft.Extensions.DependencyInjection.ServiceProvider _services;

    public FineTuneStartsTests()
    {
        _services = CoreServices.Create(("Storage:DataDirectory", _folder.Path));
        _client.Setup(c => c.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, bool _, CancellationToken _) => _instances.GetValueOrDefault(id));
        _client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .Callback((TaskName name, object? input, StartOrchestrationOptions? options, CancellationToken _) =>
            {
                Assert.Equal(nameof(FineTuneStart), name.Name);
                Assert.Equal(options!.InstanceId, ((FineTuneStartInput)input!).StartId);
                _scheduled.Add(options.InstanceId!);
                _instances[options.InstanceId!] = Instance(options.InstanceId!, OrchestrationRuntimeStatus.Pending, (FineTuneStartInput)input);
            })
            .ReturnsAsync((TaskName _, object? _, StartOrchestrationOptions? options, CancellationToken _) => options!.InstanceId!);
        _client.Setup(c => c.PurgeInstanceAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback((string id, CancellationToken _) => { _purged.Add(id); _instances.Remove(id); })
            .ReturnsAsync(new PurgeResult(1));
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private FineTuneStarts Starts => _services.Get<FineTuneStarts>();

    public void Dispose()
    {
        _services.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_key_names_the_start_whatever_the_labels_and_a_second_request_finds_it()
    {
        await LabelAsync(SampleId(1), 10);

        var first = await Starts.SubmitAsync(Request, "retrain-2026-12", _client.Object, Token);
        await LabelAsync(SampleId(2), 12);
        var retry = await Starts.SubmitAsync(Request, "retrain-2026-12", _client.Object, Token);
        var otherKey = await Starts.SubmitAsync(Request, "retrain-2027-01", _client.Object, Token);

        Assert.Equal(FineTuneSubmissionStatus.Started, first.Status);
        Assert.StartsWith(FineTuneStarts.IdPrefix, first.StartId, StringComparison.Ordinal);
        Assert.Equal((first.StartId, FineTuneSubmissionStatus.AlreadyStarted), (retry.StartId, retry.Status));
        Assert.NotEqual(first.StartId, otherKey.StartId);
        Assert.Equal([first.StartId!, otherKey.StartId!], _scheduled);
    }

    [Fact]
    public async Task Without_a_key_the_same_request_on_the_same_labels_is_one_start_and_a_new_label_or_another_request_is_another()
    {
        var labelled = SampleId(1);
        await LabelAsync(labelled, 10);

        var first = await Starts.SubmitAsync(Request, null, _client.Object, Token);
        var repeat = await Starts.SubmitAsync(Request, null, _client.Object, Token);
        var otherShare = await Starts.SubmitAsync(Request with { ValidationPercent = 20 }, null, _client.Object, Token);
        await LabelAsync(labelled, 11);
        var newLabel = await Starts.SubmitAsync(Request, null, _client.Object, Token);

        Assert.Equal((first.StartId, FineTuneSubmissionStatus.AlreadyStarted), (repeat.StartId, repeat.Status));
        Assert.Equal(3, new[] { first.StartId, otherShare.StartId, newLabel.StartId }.Distinct().Count());
        Assert.Equal(3, _scheduled.Count);
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Running)]
    [InlineData(OrchestrationRuntimeStatus.Completed)]
    public async Task A_start_that_runs_or_ended_is_left_as_it_is(OrchestrationRuntimeStatus status)
    {
        var first = await Starts.SubmitAsync(Request, "key", _client.Object, Token);
        _instances[first.StartId!] = WithStatus(_instances[first.StartId!], status);

        var again = await Starts.SubmitAsync(Request, "key", _client.Object, Token);

        Assert.Equal(FineTuneSubmissionStatus.AlreadyStarted, again.Status);
        Assert.Single(_scheduled);
        Assert.Empty(_purged);
    }

    [Fact]
    public async Task A_start_whose_orchestration_failed_is_purged_and_scheduled_again_under_the_same_id()
    {
        var first = await Starts.SubmitAsync(Request, "key", _client.Object, Token);
        _instances[first.StartId!] = WithStatus(_instances[first.StartId!], OrchestrationRuntimeStatus.Failed);

        var again = await Starts.SubmitAsync(Request, "key", _client.Object, Token);

        Assert.Equal((first.StartId, FineTuneSubmissionStatus.Restarted, true), (again.StartId, again.Status, again.Started));
        Assert.Equal([first.StartId!], _purged);
        Assert.Equal([first.StartId!, first.StartId!], _scheduled);
    }

    [Fact]
    public async Task A_key_sent_with_a_different_request_is_refused_and_schedules_nothing()
    {
        var first = await Starts.SubmitAsync(Request, "key", _client.Object, Token);

        var reused = await Starts.SubmitAsync(Request with { Suffix = "other" }, "key", _client.Object, Token);

        Assert.Equal((FineTuneSubmissionStatus.Rejected, "idempotency_key_reused", first.StartId), (reused.Status, reused.Error?.Code, reused.StartId));
        Assert.Single(_scheduled);
    }

    [Theory]
    [InlineData("", "invalid_idempotency_key")]
    [InlineData("tab\tkey", "invalid_idempotency_key")]
    [InlineData("ключ", "invalid_idempotency_key")]
    public async Task A_key_that_is_not_1_to_128_printable_ASCII_characters_is_refused(string key, string code)
    {
        var refused = await Starts.SubmitAsync(Request, key, _client.Object, Token);

        Assert.Equal((FineTuneSubmissionStatus.Rejected, code), (refused.Status, refused.Error?.Code));
        Assert.Empty(_scheduled);
    }

    [Fact]
    public void Keys_of_1_to_128_printable_ASCII_characters_are_valid()
    {
        Assert.True(IdempotencyKeys.IsValid("a"));
        Assert.True(IdempotencyKeys.IsValid(new string('~', 128)));
        Assert.True(IdempotencyKeys.IsValid("order 4711/retrain #2"));
        Assert.False(IdempotencyKeys.IsValid(new string('k', 129)));
        Assert.False(IdempotencyKeys.IsValid(null));
    }

    [Theory]
    [InlineData("", "shop", "invalid_base_model")]
    [InlineData("gpt-4o-2024-08-06", "has space", "invalid_suffix")]
    public async Task A_request_that_fails_the_start_checks_is_refused_before_anything_is_scheduled(string baseModel, string suffix, string code)
    {
        var refused = await Starts.SubmitAsync(Request with { BaseModel = baseModel, Suffix = suffix }, null, _client.Object, Token);

        Assert.Equal((FineTuneSubmissionStatus.Rejected, code, null), (refused.Status, refused.Error?.Code, refused.StartId));
        Assert.Empty(_scheduled);
    }

    private static string SampleId(int index) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData([(byte)index]));

    private async Task LabelAsync(string documentId, double minutes)
    {
        var store = _services.Get<IEstimateStore>();
        var document = await store.GetAsync(documentId, Token) ?? EstimateStoreContract.SampleDocument() with { Id = documentId };
        var label = new ShopFeedback { ActualMinutes = minutes, Source = FeedbackSource.Actual };
        await store.SaveAsync(document with { Feedback = [.. document.Feedback ?? [], label], ETag = null }, null, Token);
    }

    private static OrchestrationMetadata WithStatus(OrchestrationMetadata instance, OrchestrationRuntimeStatus status) =>
        new(instance.Name, instance.InstanceId)
        {
            RuntimeStatus = status,
            SerializedInput = instance.SerializedInput,
            DataConverter = instance.DataConverter,
        };

    private static OrchestrationMetadata Instance(string id, OrchestrationRuntimeStatus status, FineTuneStartInput input) =>
        new(nameof(FineTuneStart), id)
        {
            RuntimeStatus = status,
            SerializedInput = JsonDataConverter.Default.Serialize(input),
            DataConverter = JsonDataConverter.Default,
        };
}
