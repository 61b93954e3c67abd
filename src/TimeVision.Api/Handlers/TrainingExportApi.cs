using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using TimeVision.Api.Http;
using TimeVision.Core.Learning.Feedback;
using TimeVision.Core.Learning.Training;

namespace TimeVision.Api.Handlers;

/// <summary>
/// <c>GET /api/training/export</c> (admin): the training export as a zip of <c>train.jsonl</c>,
/// <c>validation.jsonl</c> and <c>manifest.json</c> (with <c>format=sharegpt</c> also <c>dataset_info.json</c> and
/// <c>images/</c>), streamed as it is produced: each example goes straight into its zip entry in the response, and
/// nothing is written to disk first. The manifest is the last entry.
/// Query: <c>source=actual|expert|both</c>, <c>since</c>, <c>validationPercent</c>, <c>includeShadow=true</c>,
/// <c>format=openai|sharegpt</c>, <c>task=minutes|features</c> (features: the confirmed features, by the reading prompt,
/// split by drawing; <c>source</c> and <c>includeShadow</c> are for the minutes).
/// </summary>
/// <param name="exporter">Writes the export.</param>
/// <param name="logger">Logs an export that failed after the response had started.</param>
public sealed partial class TrainingExportApi(TrainingExporter exporter, ILogger<TrainingExportApi> logger)
{
    /// <summary>Streams the export.</summary>
    public async Task<Results<ZipStreamed, JsonHttpResult<ApiErrorBody>>> GetAsync(
        HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (export, problem) = Read(request.Query);
        if (export is null)
        {
            return Invalid(problem!);
        }

        var response = request.HttpContext.Response;
        response.ContentType = "application/zip";
        response.Headers.ContentDisposition = export.Task == TrainingTask.Features ? "attachment; filename=\"timevision-training-features.zip\"" : "attachment; filename=\"timevision-training.zip\"";

        await using var zip = new ZipExportSink(response.Body);
        try
        {
            await exporter.ExportAsync(export, zip, cancellationToken);
        }
        catch (Exception exception) when ((zip.HasStarted || response.HasStarted) && exception is not OperationCanceledException)
        {
            // Part of the zip is out: an error body can no longer be sent, and an archive closed now would look whole.
            Log.ExportCutShort(logger, exception);
            request.HttpContext.Abort();
            return ZipStreamed.Instance;
        }

        await zip.CompleteAsync(cancellationToken);
        return ZipStreamed.Instance;
    }

    /// <summary>The export the query asks for, or what is wrong with it.</summary>
    private static (TrainingExportRequest? Export, string? Problem) Read(IQueryCollection query)
    {
        DateTimeOffset? since = null;
        if (query["since"].FirstOrDefault() is { Length: > 0 } sinceText)
        {
            if (!DateTimeOffset.TryParse(sinceText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return (null, $"since '{sinceText}' is not a date.");
            }

            since = parsed;
        }

        var percent = ValidationShare.DefaultPercent;
        if (query["validationPercent"].FirstOrDefault() is { Length: > 0 } percentText
            && (!int.TryParse(percentText, NumberStyles.None, CultureInfo.InvariantCulture, out percent) || !ValidationShare.IsValid(percent)))
        {
            return (null, $"validationPercent must be {ValidationShare.Rule}.");
        }

        if (FeedbackLabels.ParseSources(query["source"].FirstOrDefault()) is not { } sources)
        {
            return (null, "source must be actual, expert or both.");
        }

        if (TrainingFormats.Parse(query["format"].FirstOrDefault()) is not { } format)
        {
            return (null, $"format must be {string.Join(" or ", TrainingFormats.Names)}.");
        }

        if (TrainingTasks.Parse(query["task"].FirstOrDefault()) is not { } task)
        {
            return (null, $"task must be {string.Join(" or ", TrainingTasks.Names)}.");
        }

        var includeShadow = string.Equals(query["includeShadow"].FirstOrDefault(), "true", StringComparison.OrdinalIgnoreCase);
        return includeShadow && task == TrainingTask.Features
            ? (null, "includeShadow is for the minutes task: a challenger's reading is not a confirmed label.")
            : (new TrainingExportRequest(sources, since, percent, IncludeShadow: includeShadow, Format: format, Task: task), null);
    }

    private static JsonHttpResult<ApiErrorBody> Invalid(string message) =>
        ApiError.Json(StatusCodes.Status400BadRequest, "invalid_query", message);

    private static partial class Log
    {
        [LoggerMessage(EventId = 4110, Level = LogLevel.Error, Message = "The training export failed after its zip had started streaming; the connection was cut so the caller gets no zip that looks whole")]
        public static partial void ExportCutShort(ILogger logger, Exception exception);
    }
}
