using System.ClientModel;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Files;
using OpenAI.FineTuning;
using TimeVision.Core.Estimating.Vision;

namespace TimeVision.Core.Learning.FineTuning;

/// <summary>What the API says about a job right now.</summary>
/// <param name="JobId">The job id.</param>
/// <param name="Status">The status value, as sent.</param>
/// <param name="TrainedTokens">Billed tokens, once known.</param>
/// <param name="FineTunedModel">The new model's id, once succeeded.</param>
/// <param name="Error">Why it failed.</param>
/// <param name="Metrics">The latest metrics from checkpoints or events.</param>
public sealed record FineTuneJobState(string JobId, string Status, int? TrainedTokens, string? FineTunedModel, FineTuneError? Error, FineTuneMetrics? Metrics);

/// <summary>
/// OpenAI's files and fine-tuning APIs through the official SDK, at the configured endpoint and key with the same
/// timeouts and retries as estimates.
/// </summary>
/// <param name="options">Endpoint, credentials, timeouts and retry settings.</param>
/// <param name="access">Decides how requests authenticate.</param>
/// <param name="time">The clock retries wait on.</param>
/// <param name="http">The HTTP client for model calls, when the host registers one.</param>
#pragma warning disable OPENAI001 // The SDK marks fine-tuning experimental; the REST API behind it is stable.
public sealed class OpenAIFineTuning(IOptionsMonitor<VisionOptions> options, VisionAccess access, TimeProvider time, VisionHttpClient? http = null)
{
    /// <summary>Uploads a JSONL file with purpose <c>fine-tune</c> and returns its file id.</summary>
    public Task<string> UploadAsync(string path, CancellationToken cancellationToken) =>
        UploadAsync(path, Path.GetFileName(path), cancellationToken);

    /// <summary>Uploads a JSONL file with purpose <c>fine-tune</c> under <paramref name="fileName"/> and returns its file id.</summary>
    public async Task<string> UploadAsync(string path, string fileName, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        var uploaded = await Client().GetOpenAIFileClient().UploadFileAsync(file, fileName, FileUploadPurpose.FineTune, cancellationToken);
        return uploaded.Value.Id;
    }

    /// <summary>The id of a <c>fine-tune</c> file the provider holds under <paramref name="fileName"/>, if any.</summary>
    public async Task<string?> FindFileAsync(string fileName, CancellationToken cancellationToken)
    {
        var files = await Client().GetOpenAIFileClient().GetFilesAsync(FilePurpose.FineTune, cancellationToken);
        return files.Value.FirstOrDefault(file => file.Filename == fileName)?.Id;
    }

    /// <summary>
    /// Deletes an uploaded file. A file the provider no longer has (<c>404</c>) counts as deleted, so deleting twice
    /// is harmless.
    /// </summary>
    public async Task DeleteFileAsync(string fileId, CancellationToken cancellationToken)
    {
        try
        {
            await Client().GetOpenAIFileClient().DeleteFileAsync(fileId, cancellationToken);
        }
        catch (ClientResultException exception) when (exception.Status == 404)
        {
            // Already gone.
        }
    }

    /// <summary>Creates a job and returns its first state.</summary>
    public async Task<FineTuneJobState> CreateJobAsync(
        string baseModel, string trainingFileId, string? validationFileId, string suffix, CancellationToken cancellationToken)
    {
        var options = new FineTuningOptions { Suffix = suffix, ValidationFile = validationFileId };
        var job = await Client().GetFineTuningClient().FineTuneAsync(baseModel, trainingFileId, waitUntilCompleted: false, options, cancellationToken);
        return StateOf(job, metrics: null);
    }

    /// <summary>
    /// The state of a job created with <paramref name="trainingFileId"/> among the provider's newest
    /// <paramref name="newestJobs"/> jobs, if any. A file id is unique to one upload, so the job found is the one made
    /// from that upload.
    /// </summary>
    public async Task<FineTuneJobState?> FindJobByTrainingFileAsync(string trainingFileId, int newestJobs, CancellationToken cancellationToken)
    {
        var seen = 0;
        await foreach (var job in Client().GetFineTuningClient().GetJobsAsync(new FineTuningJobCollectionOptions { PageSize = Math.Min(newestJobs, 100) }, cancellationToken))
        {
            if (job.TrainingFileId == trainingFileId)
            {
                // A listed job's raw response is the whole page; its typed id and status are all a start needs.
                return new FineTuneJobState(job.JobId, job.Status.ToString(), TrainedTokens: null, FineTunedModel: null, Error: null, Metrics: null);
            }

            if (++seen >= newestJobs)
            {
                break;
            }
        }

        return null;
    }

    /// <summary>The job's current state with its latest metrics.</summary>
    public async Task<FineTuneJobState> GetJobAsync(string jobId, CancellationToken cancellationToken)
    {
        var job = await Client().GetFineTuningClient().GetJobAsync(jobId, cancellationToken);
        return StateOf(job, await LatestMetricsAsync(job, cancellationToken));
    }

    private OpenAIClient Client()
    {
        var vision = options.CurrentValue;
        return new OpenAIClient(access.PolicyFor(vision), ChatClients.ClientOptions(vision, time, http));
    }

    private static FineTuneJobState StateOf(FineTuningJob job, FineTuneMetrics? metrics)
    {
        // This SDK version has no typed properties for fine_tuned_model, error or an unbilled trained_tokens: read the wire JSON.
        using var json = JsonDocument.Parse(job.GetRawResponse().Content);
        var root = json.RootElement;
        var fineTunedModel = root.TryGetProperty("fine_tuned_model", out var model) && model.ValueKind == JsonValueKind.String ? model.GetString() : null;
        int? trainedTokens = root.TryGetProperty("trained_tokens", out var tokens) && tokens.ValueKind == JsonValueKind.Number ? tokens.GetInt32() : null;
        FineTuneError? error = null;
        if (root.TryGetProperty("error", out var problem) && problem.ValueKind == JsonValueKind.Object
            && problem.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
        {
            error = new FineTuneError(StringOrNull(problem, "code"), message.GetString()!, StringOrNull(problem, "param"));
        }

        return new FineTuneJobState(job.JobId, job.Status.ToString(), trainedTokens, fineTunedModel, error, metrics);
    }

    private static string? StringOrNull(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The newest metrics: the latest checkpoint's, unless a metrics event reports a later step.</summary>
    private static async Task<FineTuneMetrics?> LatestMetricsAsync(FineTuningJob job, CancellationToken cancellationToken)
    {
        FineTuneMetrics? fromCheckpoint = null;
        await foreach (var checkpoint in job.GetCheckpointsAsync(new GetCheckpointsOptions { PageSize = 1 }, cancellationToken))
        {
            var metrics = checkpoint.Metrics;
            fromCheckpoint = new FineTuneMetrics(
                checkpoint.StepNumber, Widen(metrics?.TrainLoss), Widen(metrics?.ValidLoss), Widen(metrics?.FullValidLoss), "checkpoint");
            break;
        }

        FineTuneMetrics? fromEvent = null;
        await foreach (var jobEvent in job.GetEventsAsync(new GetEventsOptions { PageSize = 50 }, cancellationToken))
        {
            if (jobEvent.Kind == FineTuningJobEventKind.Metrics && jobEvent.Data is { } data)
            {
                using var json = JsonDocument.Parse(data);
                var root = json.RootElement;
                if (root.TryGetProperty("step", out var step) && step.ValueKind == JsonValueKind.Number)
                {
                    fromEvent = new FineTuneMetrics(step.GetInt32(), NumberOrNull(root, "train_loss"), NumberOrNull(root, "valid_loss"), NumberOrNull(root, "full_valid_loss"), "event");
                    break;
                }
            }
        }

        return fromEvent is not null && (fromCheckpoint is null || fromEvent.Step > fromCheckpoint.Step) ? fromEvent : fromCheckpoint;
    }

    /// <summary>The SDK reads checkpoint metrics as <see cref="float"/>; widen by the shortest text, so 0.6 stays 0.6.</summary>
    private static double? Widen(float? value) =>
        value is { } number ? double.Parse(number.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture) : null;

    private static double? NumberOrNull(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
#pragma warning restore OPENAI001
