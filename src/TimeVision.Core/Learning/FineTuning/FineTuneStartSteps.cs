using System.ClientModel;
using Microsoft.Extensions.Logging;
using TimeVision.Core.Learning.FineTuning.Durable;
using TimeVision.Core.Learning.Training;

namespace TimeVision.Core.Learning.FineTuning;

/// <summary>
/// The steps of a durable fine-tuning start (<see cref="FineTuneStart"/>), each safe to run
/// again: progress is kept in the job store under the start's id (<see cref="StoredFineTuneStart"/>), each provider call is
/// marked as begun before it is made and its result recorded after, and a step that finds a call begun but not recorded
/// looks for what the call made before making it again. Input the start cannot use ends it with a typed error.
/// </summary>
public sealed class FineTuneStartSteps(
    TrainingExporter exporter,
    FineTuneService fineTuning,
    OpenAIFineTuning api,
    IFineTuneJobStore jobs,
    TimeProvider time,
    ILogger<FineTuneStartSteps> logger)
{
    /// <summary>How many of the provider's newest jobs are searched for one made from this start's training file.</summary>
    private const int NewestJobsSearched = 100;

    /// <summary>
    /// Exports the labels into a private temporary folder and uploads <c>train.jsonl</c> and (when the export holds
    /// validation examples) <c>validation.jsonl</c>, each under a name unique to the start. Files already recorded are
    /// not uploaded again; a file whose upload was begun but not recorded is looked up by that name first.
    /// </summary>
    public async Task<FineTuneStepResult> UploadAsync(FineTuneStartInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = input.Request;
        var start = await jobs.GetStartAsync(input.StartId, cancellationToken)
            ?? new StoredFineTuneStart { StartId = input.StartId, BaseModel = request.BaseModel.Trim(), Suffix = request.Suffix, CreatedAt = time.GetUtcNow() };
        if (start.FilesUploaded)
        {
            return FineTuneStepResult.Done;
        }

        var folder = Path.Combine(Path.GetTempPath(), $"timevision-finetune-{Guid.NewGuid():N}");
        try
        {
            fineTuning.CheckCanStart(request.BaseModel, request.Suffix);
            await exporter.ExportAsync(
                new TrainingExportRequest(request.Sources.ToHashSet(), ValidationPercent: request.ValidationPercent), new FolderExportSink(folder), cancellationToken);
            var manifest = await FineTuneService.ReadManifestAsync(folder, cancellationToken);
            // Once the training file is out, the export it came from is the one the job trains on.
            start = start with { Export = start.TrainingFileId is not null && start.Export is { } recorded ? recorded : FineTuneExport.Of(manifest) };
            if (start.TrainingFileId is null)
            {
                var fileId = await UploadOnceAsync(start, Path.Combine(folder, manifest.Train.Name), start.TrainingUploadBegun, s => s with { TrainingUploadBegun = true }, cancellationToken);
                start = start with { TrainingFileId = fileId };
                await jobs.SaveStartAsync(start, cancellationToken);
            }

            if (start.Export!.ValidationExamples > 0 && start.ValidationFileId is null)
            {
                var fileId = await UploadOnceAsync(start, Path.Combine(folder, manifest.Validation.Name), start.ValidationUploadBegun, s => s with { ValidationUploadBegun = true }, cancellationToken);
                start = start with { ValidationFileId = fileId };
                await jobs.SaveStartAsync(start, cancellationToken);
            }

            Log.FilesUploaded(logger, input.StartId, start.Export.TrainingExamples, start.Export.ValidationExamples);
            return FineTuneStepResult.Done;
        }
        catch (FineTuneInputException exception)
        {
            Log.StartRefused(logger, input.StartId, exception.Code);
            return new FineTuneStepResult(new FineTuneStartError(exception.Code, exception.Message));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>
    /// Creates the provider's job from the uploaded files, unless the start has one. A creation begun but not recorded
    /// is looked for first among the provider's newest jobs by its training file, which only this start uploaded. A job
    /// the provider refuses (a 4xx other than 408 and 429) ends the start with <c>provider_rejected</c>, and the
    /// uploaded files are deleted from the provider.
    /// </summary>
    public async Task<FineTuneStepResult> CreateJobAsync(FineTuneStartInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var start = await jobs.GetStartAsync(input.StartId, cancellationToken)
            ?? throw new InvalidOperationException($"Start {input.StartId} has no recorded progress: its upload step has not run.");
        if (start.JobId is not null)
        {
            return FineTuneStepResult.Done;
        }

        var trainingFileId = start.TrainingFileId ?? throw new InvalidOperationException($"Start {input.StartId} has no uploaded training file.");
        var state = start.JobCreationBegun ? await api.FindJobByTrainingFileAsync(trainingFileId, NewestJobsSearched, cancellationToken) : null;
        if (state is null)
        {
            await jobs.SaveStartAsync(start with { JobCreationBegun = true }, cancellationToken);
            try
            {
                state = await api.CreateJobAsync(start.BaseModel, trainingFileId, start.ValidationFileId, start.Suffix, cancellationToken);
            }
            catch (ClientResultException exception) when (exception.Status is >= 400 and < 500 and not 408 and not 429)
            {
                Log.JobRefused(logger, exception, input.StartId, exception.Status);
                await DeleteUploadsAsync(start, cancellationToken);
                return new FineTuneStepResult(new FineTuneStartError(
                    "provider_rejected",
                    $"The model provider refused the fine-tuning job ({exception.Status}); its files were deleted. The details are in the log under start {input.StartId}."));
            }
        }

        await jobs.SaveStartAsync(start with { JobCreationBegun = true, JobId = state.JobId, JobStatus = state.Status, JobCreatedAt = time.GetUtcNow() }, cancellationToken);
        return FineTuneStepResult.Done;
    }

    /// <summary>Records the start's job in the job store, unless it is there already (the job check may have moved it on since).</summary>
    /// <returns>The job's id.</returns>
    public async Task<string> RecordJobAsync(FineTuneStartInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var start = await jobs.GetStartAsync(input.StartId, cancellationToken);
        if (start is not { JobId: { } jobId, TrainingFileId: { } trainingFileId, Export: { } export })
        {
            throw new InvalidOperationException($"Start {input.StartId} has no created job to record.");
        }

        if (await jobs.GetAsync(jobId, cancellationToken) is null)
        {
            var job = new FineTuneJob
            {
                JobId = jobId,
                BaseModel = start.BaseModel,
                Suffix = start.Suffix,
                TrainingFileId = trainingFileId,
                ValidationFileId = start.ValidationFileId,
                Export = export,
                Status = start.JobStatus ?? FineTuneStatuses.ValidatingFiles,
                CreatedAt = start.JobCreatedAt ?? time.GetUtcNow(),
                CheckedAt = start.JobCreatedAt,
                StartId = start.StartId,
            };
            await jobs.SaveAsync(job, cancellationToken);
            Log.JobStarted(logger, jobId, input.StartId, job.BaseModel, export.TrainingExamples, export.ValidationExamples);
        }

        return jobId;
    }

    /// <summary>Uploads a file under the start's name for it, unless an upload begun before reached the provider.</summary>
    private async Task<string> UploadOnceAsync(
        StoredFineTuneStart start, string path, bool begun, Func<StoredFineTuneStart, StoredFineTuneStart> markBegun, CancellationToken cancellationToken)
    {
        var name = StoredFineTuneStart.FileNameFor(start.StartId, Path.GetFileName(path));
        if (begun && await api.FindFileAsync(name, cancellationToken) is { } uploaded)
        {
            Log.UploadFound(logger, start.StartId, name);
            return uploaded;
        }

        await jobs.SaveStartAsync(markBegun(start), cancellationToken);
        return await api.UploadAsync(path, name, cancellationToken);
    }

    private async Task DeleteUploadsAsync(StoredFineTuneStart start, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var fileId in new[] { start.TrainingFileId, start.ValidationFileId }.OfType<string>())
            {
                await api.DeleteFileAsync(fileId, cancellationToken);
            }
        }
        catch (ClientResultException exception)
        {
            Log.UploadsNotDeleted(logger, exception, start.StartId, exception.Status);
        }
    }
}
