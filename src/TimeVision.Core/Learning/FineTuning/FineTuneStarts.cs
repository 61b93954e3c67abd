using System.Security.Cryptography;
using System.Text;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using TimeVision.Core.Durable;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Estimating.Vision.Prompts;
using TimeVision.Core.Learning.FineTuning.Durable;

namespace TimeVision.Core.Learning.FineTuning;

/// <summary>
/// The one way a fine-tuning start is asked for: it names the start by an idempotency key and schedules its durable
/// orchestration under that name, or finds the one already there, so a retried request never starts a second paid job.
/// The key is the caller's <c>Idempotency-Key</c> when given; otherwise a hash of the request and of the training set
/// as it stands (each labelled document and its version, and the served prompt), so the same request on the same
/// labels is the same start and one new label makes a new one.
/// </summary>
public sealed class FineTuneStarts(
    IEstimateStore estimates, IFineTuneJobStore jobs, PromptCatalog prompts, FineTuneService fineTuning, IOptionsMonitor<PipelineOptions> pipeline)
{
    /// <summary>What every start's id begins with.</summary>
    public const string IdPrefix = "finetune-";

    /// <summary>
    /// Schedules the start <paramref name="request"/> names, unless it exists. A start that exists is left as it is
    /// (running or ended), except one whose orchestration failed on a fault: that one runs again and resumes from its
    /// recorded progress. Refused, with nothing scheduled: a request that fails the checks of
    /// <see cref="FineTuneService.CheckCanStart"/>, an invalid key (<c>invalid_idempotency_key</c>), and a key already
    /// used for a different request (<c>idempotency_key_reused</c>).
    /// </summary>
    public async Task<FineTuneSubmission> SubmitAsync(
        FineTuneStartRequest request, string? idempotencyKey, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        if (idempotencyKey is not null && !IdempotencyKeys.IsValid(idempotencyKey))
        {
            return Rejected(null, "invalid_idempotency_key", $"An Idempotency-Key is 1–{IdempotencyKeys.MaxLength} printable ASCII characters.");
        }

        try
        {
            fineTuning.CheckCanStart(request.BaseModel, request.Suffix);
        }
        catch (FineTuneInputException exception)
        {
            return Rejected(null, exception.Code, exception.Message);
        }

        var requestHash = HashOf(request);
        var startId = idempotencyKey is null ? await IdOfTrainingSetAsync(requestHash, cancellationToken) : IdOfKey(idempotencyKey);
        var status = FineTuneSubmissionStatus.Started;
        if (await client.GetInstanceAsync(startId, getInputsAndOutputs: true, cancellationToken) is { } existing)
        {
            if (existing.ReadInputAs<FineTuneStartInput>()?.RequestHash is { } existingHash && existingHash != requestHash)
            {
                return Rejected(startId, "idempotency_key_reused", "This Idempotency-Key was used for a different request; send a new key for a new start.");
            }

            if (existing.RuntimeStatus is not (OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated))
            {
                return new FineTuneSubmission(FineTuneSubmissionStatus.AlreadyStarted, startId);
            }

            // Failed on a fault after its retries: its steps resume from the recorded progress, so running it again is safe.
            await client.PurgeInstanceAsync(startId, cancellationToken);
            status = FineTuneSubmissionStatus.Restarted;
        }

        var pipelineOptions = pipeline.CurrentValue;
        var input = new FineTuneStartInput(startId, request with { BaseModel = request.BaseModel.Trim() }, requestHash, pipelineOptions.ActivityAttempts, pipelineOptions.ActivityFirstRetry);
        try
        {
            await client.ScheduleNewFineTuneStartInstanceAsync(input, new StartOrchestrationOptions(startId), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The same request, sent twice at once, may have scheduled it in between.
            if (await client.GetInstanceAsync(startId, getInputsAndOutputs: false, cancellationToken) is not null)
            {
                return new FineTuneSubmission(FineTuneSubmissionStatus.AlreadyStarted, startId);
            }

            throw;
        }

        return new FineTuneSubmission(status, startId);
    }

    /// <summary>Where the start stands, or <see langword="null"/> when there is no such start.</summary>
    public async Task<FineTuneStartStatus?> GetStatusAsync(string startId, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (string.IsNullOrEmpty(startId) || !startId.StartsWith(IdPrefix, StringComparison.Ordinal)
            || await client.GetInstanceAsync(startId, getInputsAndOutputs: true, cancellationToken) is not { Name: nameof(FineTuneStart) } instance)
        {
            return null;
        }

        switch (instance.RuntimeStatus)
        {
            case OrchestrationRuntimeStatus.Completed:
                var outcome = instance.ReadOutputAs<FineTuneStartOutcome>()
                    ?? throw new InvalidOperationException($"Start {startId} completed without an outcome.");
                return outcome is { JobId: { } jobId }
                    ? new FineTuneStartStatus(startId, FineTuneStartState.JobStarted, null, await jobs.GetAsync(jobId, cancellationToken), null)
                    : new FineTuneStartStatus(startId, FineTuneStartState.Failed, null, null, outcome.Error);
            case OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated:
                return new FineTuneStartStatus(
                    startId, FineTuneStartState.Faulted, null, null, null,
                    $"{instance.RuntimeStatus}: {instance.FailureDetails?.ErrorType}: {instance.FailureDetails?.ErrorMessage}");
            default:
                return new FineTuneStartStatus(startId, FineTuneStartState.Running, instance.ReadCustomStatusAs<FineTuneStartProgress>()?.Stage ?? "pending", null, null);
        }
    }

    /// <summary>A caller's key as a start id: a hash, so any printable key makes a valid instance id.</summary>
    private static string IdOfKey(string key) => IdPrefix + Hex(SHA256.HashData(Encoding.UTF8.GetBytes($"key\n{key}")));

    /// <summary>The start id of this request on the training set as it stands: the labelled documents and their versions, and the served prompt.</summary>
    private async Task<string> IdOfTrainingSetAsync(string requestHash, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"training-set\n{requestHash}\n{prompts.Get(PromptCatalog.FineTunedSetId).Hash}\n"));
        await foreach (var label in estimates.ListLabelVersionsAsync(cancellationToken))
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{label.DocumentId} {label.Version}\n"));
        }

        return IdPrefix + Hex(hash.GetHashAndReset());
    }

    private static string HashOf(FineTuneStartRequest request)
    {
        var sources = string.Join(",", request.Sources.Select(Json.JsonCode.Of).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        return Hex(SHA256.HashData(Encoding.UTF8.GetBytes($"{request.BaseModel.Trim()}\n{request.Suffix}\n{sources}\n{request.ValidationPercent}")));
    }

    private static string Hex(byte[] hash) => Convert.ToHexStringLower(hash)[..32];

    private static FineTuneSubmission Rejected(string? startId, string code, string message) =>
        new(FineTuneSubmissionStatus.Rejected, startId, new FineTuneStartError(code, message));
}
