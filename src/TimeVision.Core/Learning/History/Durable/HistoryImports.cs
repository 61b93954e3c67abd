using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using TimeVision.Core.Durable;
using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Json;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Learning.History.Durable;

/// <summary>How an import request was answered.</summary>
/// <param name="ImportId">The import's id (<c>import-…</c>), when there is one.</param>
/// <param name="Status"><c>started</c>, <c>already_started</c>, <c>restarted</c>, or <c>rejected</c>.</param>
/// <param name="ErrorCode">Why it was rejected.</param>
/// <param name="Message">What to do about it.</param>
public sealed record HistoryImportSubmission(string? ImportId, string Status, string? ErrorCode = null, string? Message = null)
{
    /// <summary>Whether this request scheduled the import.</summary>
    public bool Started => Status is "started" or "restarted";
}

/// <summary>Where an import stands.</summary>
/// <param name="ImportId">The import.</param>
/// <param name="State"><c>running</c>, <c>done</c> (with <paramref name="Summary"/>), <c>failed</c> (with <paramref name="Error"/>) or <c>faulted</c>.</param>
/// <param name="Progress">The last drawing finished, while running.</param>
/// <param name="Summary">The summary JSON, once done: exactly what <c>timevision import --json</c> prints.</param>
/// <param name="Error">The times file's problem, when it could not be used.</param>
/// <param name="Fault">What failed, for the log only.</param>
public sealed record HistoryImportStatus(string ImportId, string State, HistoryImportProgress? Progress, JsonElement? Summary, TimesFileError? Error, string? Fault);

/// <summary>
/// The one way an import is asked for in the Functions app: the posted times file is stored under the import's id, and
/// its durable orchestration scheduled under that id, or found. The id is the caller's <c>Idempotency-Key</c> when
/// given (the same key with another file or options is refused), else a hash of the file and the options, so a
/// repeated request is the same import. An import that failed on a fault runs again (it resumes: see
/// <see cref="HistoryImport"/>).
/// </summary>
/// <param name="blobs">Where a posted times file is kept until its import runs.</param>
/// <param name="pipeline">The activity retry settings the import runs with.</param>
/// <param name="history">The largest times file accepted.</param>
public sealed class HistoryImports(IBlobStore blobs, IOptionsMonitor<PipelineOptions> pipeline, IOptionsMonitor<HistoryOptions> history)
{
    /// <summary>What every import's id begins with.</summary>
    public const string IdPrefix = "import-";

    /// <summary>The container of posted times files, progress and summaries (apart from the drawings, which another container holds).</summary>
    public const string Container = "history-imports";

    /// <summary>How summaries and progress are stored: as <c>timevision import --json</c> writes them.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Copies <paramref name="source"/> into <paramref name="destination"/>; <see langword="false"/> as soon as it passes <paramref name="maxBytes"/>.</summary>
    private static async Task<bool> CopyAtMostAsync(Stream source, Stream destination, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long copied = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            copied += read;
            if (copied > maxBytes)
            {
                return false;
            }

            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return true;
    }

    /// <summary>The stored times file of an import.</summary>
    public static BlobReference TimesBlob(string importId) => new(Container, $"{importId}.csv");

    /// <summary>The stored progress of an import.</summary>
    public static BlobReference ProgressBlob(string importId) => new(Container, $"{importId}.progress.json");

    /// <summary>The stored summary of an import.</summary>
    public static BlobReference SummaryBlob(string importId) => new(Container, $"{importId}.summary.json");

    /// <summary>
    /// Stores <paramref name="times"/> (streamed through a temporary file, never held in memory) and schedules its
    /// import, or finds it. Refused: an empty body (<c>empty_file</c>), a body past <see cref="HistoryOptions.MaxImportBytes"/>
    /// (<see cref="TimesFileLimits.TooLarge"/>, read no further), an invalid key (<c>invalid_idempotency_key</c>), a
    /// key used before for another file or options (<c>idempotency_key_reused</c>).
    /// </summary>
    public async Task<HistoryImportSubmission> SubmitAsync(
        Stream times, HistoryImportOptionsRequest options, string? idempotencyKey, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(client);
        if (idempotencyKey is not null && !IdempotencyKeys.IsValid(idempotencyKey))
        {
            return new HistoryImportSubmission(null, "rejected", "invalid_idempotency_key", "An Idempotency-Key is 1–128 printable ASCII characters.");
        }

        var path = Path.Combine(Path.GetTempPath(), $"timevision-import-{Guid.NewGuid():N}.csv");
        await using var spooled = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        var maxBytes = history.CurrentValue.MaxImportBytes;
        if (!await CopyAtMostAsync(times, spooled, maxBytes, cancellationToken))
        {
            return new HistoryImportSubmission(null, "rejected", TimesFileLimits.TooLarge, TimesFileLimits.TooLargeError(maxBytes).Message);
        }

        if (spooled.Length == 0)
        {
            return new HistoryImportSubmission(null, "rejected", TimesFile.EmptyFile, "The body is empty; send the times file (CSV with a header) as the body.");
        }

        spooled.Position = 0;
        var fileHash = Convert.ToHexStringLower(await SHA256.HashDataAsync(spooled, cancellationToken));
        var requestHash = Hex(Encoding.UTF8.GetBytes(
            $"{fileHash}\n{JsonCode.Of(options.Aggregate)}\n{JsonCode.Of(options.Source)}\n{options.DryRun}\n{options.TimesFileName}"));
        var importId = IdPrefix + (idempotencyKey is null ? requestHash : Hex(Encoding.UTF8.GetBytes($"key\n{idempotencyKey}")));
        var status = "started";
        if (await client.GetInstanceAsync(importId, getInputsAndOutputs: true, cancellationToken) is { } existing)
        {
            if (existing.ReadInputAs<HistoryImportInput>()?.RequestHash is { } existingHash && existingHash != requestHash)
            {
                return new HistoryImportSubmission(importId, "rejected", "idempotency_key_reused", "This Idempotency-Key was used for another times file or options; send a new key for a new import.");
            }

            if (existing.RuntimeStatus is not (OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated))
            {
                return new HistoryImportSubmission(importId, "already_started");
            }

            await client.PurgeInstanceAsync(importId, cancellationToken);
            status = "restarted";
        }

        spooled.Position = 0;
        await blobs.UploadAsync(TimesBlob(importId), spooled, cancellationToken);
        var pipelineOptions = pipeline.CurrentValue;
        var input = new HistoryImportInput(importId, TimesBlob(importId), options, requestHash, pipelineOptions.ActivityAttempts, pipelineOptions.ActivityFirstRetry);
        return await ScheduleAsync(client, importId, input, status, cancellationToken);
    }

    /// <summary>Schedules the import, or finds it scheduled by the same request sent twice at once.</summary>
    private static async Task<HistoryImportSubmission> ScheduleAsync(
        DurableTaskClient client, string importId, HistoryImportInput input, string status, CancellationToken cancellationToken)
    {
        try
        {
            await client.ScheduleNewHistoryImportInstanceAsync(input, new StartOrchestrationOptions(importId), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The same request, sent twice at once, may have scheduled it in between.
            if (await client.GetInstanceAsync(importId, getInputsAndOutputs: false, cancellationToken) is not null)
            {
                return new HistoryImportSubmission(importId, "already_started");
            }

            throw;
        }

        return new HistoryImportSubmission(importId, status);
    }

    /// <summary>Where the import stands, or <see langword="null"/> when there is no such import.</summary>
    public async Task<HistoryImportStatus?> GetStatusAsync(string importId, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (string.IsNullOrEmpty(importId) || !importId.StartsWith(IdPrefix, StringComparison.Ordinal)
            || await client.GetInstanceAsync(importId, getInputsAndOutputs: true, cancellationToken) is not { Name: nameof(HistoryImport) } instance)
        {
            return null;
        }

        switch (instance.RuntimeStatus)
        {
            case OrchestrationRuntimeStatus.Completed:
                var result = instance.ReadOutputAs<HistoryImportResult>() ?? throw new InvalidOperationException($"Import {importId} completed without a result.");
                if (result.Summary is not { } summaryBlob)
                {
                    return new HistoryImportStatus(importId, "failed", null, null, result.Error, null);
                }

                using (var json = new MemoryStream())
                {
                    if (!await blobs.DownloadToAsync(summaryBlob, json, cancellationToken))
                    {
                        throw new InvalidOperationException($"The summary of import {importId} is missing.");
                    }

                    return new HistoryImportStatus(importId, "done", null, JsonDocument.Parse(json.ToArray()).RootElement.Clone(), null, null);
                }

            case OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated:
                return new HistoryImportStatus(
                    importId, "faulted", null, null, null, $"{instance.RuntimeStatus}: {instance.FailureDetails?.ErrorType}: {instance.FailureDetails?.ErrorMessage}");
            default:
                using (var json = new MemoryStream())
                {
                    var progress = await blobs.DownloadToAsync(ProgressBlob(importId), json, cancellationToken)
                        ? JsonSerializer.Deserialize<HistoryImportProgress>(json.ToArray(), Json)
                        : null;
                    return new HistoryImportStatus(importId, "running", progress, null, null, null);
                }
        }
    }

    private static string Hex(byte[] text) => Convert.ToHexStringLower(SHA256.HashData(text))[..32];
}
