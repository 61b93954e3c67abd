using System.ClientModel;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Vision;
using TimeVision.Core.Estimating.Vision.Registry;
using TimeVision.Core.Learning.Training;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Learning.FineTuning;

/// <summary>
/// Starts fine-tuning jobs from a training export and follows them: the timer function and
/// <c>timevision fine-tune status</c> both call <see cref="CheckAsync"/>. A job that succeeds has its model
/// registered as a candidate; switching it on stays a person's decision.
/// </summary>
public sealed partial class FineTuneService(
    OpenAIFineTuning api,
    IFineTuneJobStore jobs,
    IModelRegistry registry,
    IOptionsMonitor<FineTuneOptions> options,
    IOptionsMonitor<VisionOptions> vision,
    TimeProvider time,
    ILogger<FineTuneService> logger)
{
    private const int RegistryAttempts = 5;
    private static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Uploads <c>train.jsonl</c> and <c>validation.jsonl</c> from an export folder, creates the job and records it.
    /// </summary>
    /// <param name="baseModel">The model to fine-tune, e.g. <c>gpt-4o-2024-08-06</c>.</param>
    /// <param name="suffix">Up to 64 letters, digits, <c>-</c> or <c>_</c>, carried in the new model's id.</param>
    /// <param name="exportDirectory">A folder written by the training export.</param>
    /// <param name="cancellationToken">Cancels the uploads and the request.</param>
    /// <exception cref="FineTuneInputException">
    /// The folder is not a usable export (also: an open-weight <c>sharegpt</c> export), or the names are invalid; nothing was uploaded.
    /// </exception>
    public async Task<FineTuneJob> StartAsync(string baseModel, string suffix, string exportDirectory, CancellationToken cancellationToken)
    {
        CheckCanStart(baseModel, suffix);
        var manifest = await ReadManifestAsync(exportDirectory, cancellationToken);
        var trainingFileId = await api.UploadAsync(Path.Combine(exportDirectory, manifest.Train.Name), cancellationToken);
        var validationFileId = manifest.Validation.Examples > 0
            ? await api.UploadAsync(Path.Combine(exportDirectory, manifest.Validation.Name), cancellationToken)
            : null;
        var state = await api.CreateJobAsync(baseModel.Trim(), trainingFileId, validationFileId, suffix!, cancellationToken);
        var job = new FineTuneJob
        {
            JobId = state.JobId,
            BaseModel = baseModel.Trim(),
            Suffix = suffix!,
            TrainingFileId = trainingFileId,
            ValidationFileId = validationFileId,
            Export = FineTuneExport.Of(manifest),
            Status = state.Status,
            CreatedAt = time.GetUtcNow(),
            CheckedAt = time.GetUtcNow(),
        };
        await jobs.SaveAsync(job, cancellationToken);
        Log.Started(logger, job.JobId, job.BaseModel, job.Export.TrainingExamples, job.Export.ValidationExamples);
        return job;
    }

    /// <summary>
    /// The checks a start passes before anything is exported or uploaded: the endpoint still takes jobs
    /// (<see cref="FineTuneOptions.NewJobsCloseOn"/>), a base model is named, the suffix is valid.
    /// </summary>
    /// <exception cref="FineTuneInputException">A check failed: <c>fine_tuning_closed</c>, <c>invalid_base_model</c> or <c>invalid_suffix</c>.</exception>
    public void CheckCanStart(string? baseModel, string? suffix)
    {
        var endpointKind = EndpointKinds.Of(vision.CurrentValue.Endpoint);
        if (options.CurrentValue.ClosesOn(endpointKind) is { } closes && DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime) >= closes)
        {
            throw new FineTuneInputException(
                "fine_tuning_closed",
                $"This endpoint ({endpointKind}) takes no new fine-tuning jobs since {closes:yyyy-MM-dd} (FineTuning:NewJobsCloseOn). Ways on: " +
                "fine-tune on Azure OpenAI (set OPENAI_BASE_URL to https://RESOURCE.openai.azure.com/openai/v1/ and the base model to your gpt-4o or gpt-4.1 deployment's model), " +
                "or export for open-weight training with 'timevision export-training --format sharegpt' and LoRA-tune a vision model elsewhere; see README, 'Moving off a retiring model'.");
        }

        if (string.IsNullOrWhiteSpace(baseModel))
        {
            throw new FineTuneInputException("invalid_base_model", "A base model is required, e.g. gpt-4o-2024-08-06.");
        }

        if (ModelIds.Problem(baseModel.Trim()) is { } problem)
        {
            throw new FineTuneInputException("invalid_base_model", problem);
        }

        if (!SuffixPattern().IsMatch(suffix ?? string.Empty))
        {
            throw new FineTuneInputException("invalid_suffix", $"The suffix '{suffix}' must be 1–64 letters, digits, '-' or '_'.");
        }
    }

    /// <summary>Every recorded job, oldest first.</summary>
    public Task<IReadOnlyList<FineTuneJob>> ListAsync(CancellationToken cancellationToken) => jobs.ListAsync(cancellationToken);

    /// <summary>
    /// Asks the API about every job not yet finished (and any succeeded job whose model is not yet a candidate),
    /// stores what it says, logs each status change and registers the models of succeeded jobs as candidates. Once a
    /// job has ended (succeeded, failed or cancelled) its training and validation files are deleted from the provider,
    /// unless <see cref="FineTuneOptions.KeepTrainingFiles"/>; the deletion is recorded on the job, and one that fails
    /// is logged and tried again at the next check. A job the API cannot be asked about is logged and left as it was;
    /// the others are still checked.
    /// </summary>
    /// <returns>The jobs after the check, oldest first.</returns>
    public async Task<IReadOnlyList<FineTuneJob>> CheckAsync(CancellationToken cancellationToken)
    {
        var listed = (await jobs.ListAsync(cancellationToken)).ToList();
        for (var i = 0; i < listed.Count; i++)
        {
            var job = listed[i];
            if (!NeedsStatus(job) && !NeedsFilesDeleted(job))
            {
                continue;
            }

            try
            {
                listed[i] = await CheckOneAsync(job, cancellationToken);
            }
            catch (ClientResultException exception)
            {
                Log.CheckFailed(logger, exception, job.JobId, exception.Status);
            }
        }

        return listed;
    }

    /// <summary>Whether the API must be asked about the job: it runs, or it succeeded and its model is not yet a candidate.</summary>
    private static bool NeedsStatus(FineTuneJob job) =>
        !job.IsFinished || (job.Status == FineTuneStatuses.Succeeded && !job.CandidateRegistered);

    private bool NeedsFilesDeleted(FineTuneJob job) =>
        job.IsFinished && job.FilesDeletedAt is null && !options.CurrentValue.KeepTrainingFiles;

    private async Task<FineTuneJob> CheckOneAsync(FineTuneJob job, CancellationToken cancellationToken)
    {
        var updated = NeedsStatus(job) ? await RefreshAsync(job, cancellationToken) : job;
        if (NeedsFilesDeleted(updated))
        {
            updated = await DeleteFilesAsync(updated, cancellationToken);
        }

        if (updated != job)
        {
            await jobs.SaveAsync(updated, cancellationToken);
        }

        return updated;
    }

    private async Task<FineTuneJob> RefreshAsync(FineTuneJob job, CancellationToken cancellationToken)
    {
        var state = await api.GetJobAsync(job.JobId, cancellationToken);
        var now = time.GetUtcNow();
        var updated = job with
        {
            Status = state.Status,
            TrainedTokens = state.TrainedTokens ?? job.TrainedTokens,
            FineTunedModel = state.FineTunedModel ?? job.FineTunedModel,
            Error = state.Error ?? job.Error,
            Metrics = state.Metrics ?? job.Metrics,
            CheckedAt = now,
            FinishedAt = job.FinishedAt ?? (FineTuneJob.IsFinal(state.Status) ? now : null),
        };
        if (updated.Status != job.Status)
        {
            Log.Transition(logger, job.JobId, job.Status, updated.Status, updated.FineTunedModel, updated.Error?.Message);
        }

        if (updated.Status == FineTuneStatuses.Succeeded && updated.FineTunedModel is { Length: > 0 } model && !updated.CandidateRegistered)
        {
            await AddCandidateAsync(model, cancellationToken);
            updated = updated with { CandidateRegistered = true };
            Log.CandidateRegistered(logger, model, job.JobId);
        }

        return updated;
    }

    /// <summary>
    /// Deletes the job's files from the provider (a file already gone counts as deleted). A failure is logged, not
    /// thrown: the job keeps <see cref="FineTuneJob.FilesDeletedAt"/> empty and the next check tries again.
    /// </summary>
    private async Task<FineTuneJob> DeleteFilesAsync(FineTuneJob job, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var fileId in new[] { job.TrainingFileId, job.ValidationFileId }.OfType<string>())
            {
                await api.DeleteFileAsync(fileId, cancellationToken);
            }
        }
        catch (ClientResultException exception)
        {
            Log.FilesNotDeleted(logger, exception, job.JobId, exception.Status);
            return job;
        }

        Log.FilesDeleted(logger, job.JobId);
        return job with { FilesDeletedAt = time.GetUtcNow() };
    }

    private async Task AddCandidateAsync(string model, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var state = await registry.GetAsync(cancellationToken);
            if (state.Candidates.Contains(model, StringComparer.Ordinal))
            {
                return;
            }

            try
            {
                await registry.SaveAsync(state with { Candidates = [.. state.Candidates, model] }, state.ETag, cancellationToken);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < RegistryAttempts)
            {
                // Someone else changed the registry between read and write: read it again.
            }
        }
    }

    /// <summary>An export folder's manifest, checked: an OpenAI-format export that passes the limits and whose files match it.</summary>
    /// <exception cref="FineTuneInputException">It is not such an export; the code says why.</exception>
    internal static async Task<TrainingManifest> ReadManifestAsync(string exportDirectory, CancellationToken cancellationToken)
    {
        var path = Path.Combine(exportDirectory, "manifest.json");
        if (!File.Exists(path))
        {
            throw new FineTuneInputException("no_export", $"'{exportDirectory}' holds no manifest.json: write one with 'timevision export-training --out {exportDirectory}'.");
        }

        TrainingManifest manifest;
        try
        {
            await using var file = File.OpenRead(path);
            manifest = await JsonSerializer.DeserializeAsync<TrainingManifest>(file, ManifestJson, cancellationToken)
                ?? throw new JsonException("empty");
        }
        catch (JsonException exception)
        {
            throw new FineTuneInputException("invalid_export", $"{path} is not a training-export manifest: {exception.Message}");
        }

        if (manifest.Format != TrainingFormat.OpenAI)
        {
            throw new FineTuneInputException(
                "wrong_export_format",
                "This export is for open-weight training (sharegpt); export with --format openai for OpenAI/Azure OpenAI fine-tuning.");
        }

        var failed = manifest.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}").ToList();
        if (failed.Count > 0)
        {
            throw new FineTuneInputException("export_checks_failed", $"The export fails the fine-tuning limits ({string.Join("; ", failed)}).");
        }

        foreach (var file in new[] { manifest.Train, manifest.Validation }.Where(f => f.Examples > 0))
        {
            var filePath = Path.Combine(exportDirectory, file.Name);
            if (Path.GetFileName(file.Name) != file.Name || !File.Exists(filePath) || new FileInfo(filePath).Length != file.Bytes)
            {
                throw new FineTuneInputException("invalid_export", $"{file.Name} is missing or differs from the manifest ({file.Bytes} bytes): export again.");
            }
        }

        return manifest;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex SuffixPattern();

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Information, "Fine-tune job {JobId} started on {BaseModel} with {TrainingExamples} training and {ValidationExamples} validation examples")]
        public static partial void Started(ILogger logger, string jobId, string baseModel, int trainingExamples, int validationExamples);

        [LoggerMessage(LogLevel.Information, "Fine-tune job {JobId}: {From} -> {To} (model {FineTunedModel}, error {Error})")]
        public static partial void Transition(ILogger logger, string jobId, string from, string to, string? fineTunedModel, string? error);

        [LoggerMessage(LogLevel.Information, "Registered {Model} from fine-tune job {JobId} as a candidate; activate it to use it")]
        public static partial void CandidateRegistered(ILogger logger, string model, string jobId);

        [LoggerMessage(LogLevel.Warning, "Could not check fine-tune job {JobId}: the API answered {Status}")]
        public static partial void CheckFailed(ILogger logger, Exception exception, string jobId, int status);

        [LoggerMessage(LogLevel.Information, "Fine-tune job {JobId} has ended: its training and validation files were deleted from the provider")]
        public static partial void FilesDeleted(ILogger logger, string jobId);

        [LoggerMessage(LogLevel.Warning, "Fine-tune job {JobId} has ended, but its files could not be deleted from the provider (it answered {Status}); the next check tries again")]
        public static partial void FilesNotDeleted(ILogger logger, Exception exception, string jobId, int status);
    }
}
