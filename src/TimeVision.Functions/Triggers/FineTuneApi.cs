using System.ClientModel;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using TimeVision.Core.Feedback;
using TimeVision.Core.FineTuning;
using TimeVision.Core.Training;
using TimeVision.Core.Vision;

namespace TimeVision.Functions.Triggers;

/// <summary>
/// <c>POST /api/fine-tune/jobs</c> (admin): exports the labelled estimates as the training export does, uploads
/// both files and starts a job. Body: <c>{"baseModel": "gpt-4o-2024-08-06", "suffix": "…", "source": "actual",
/// "validationPercent": 10}</c>. <c>GET /api/fine-tune/jobs</c> (admin) lists the recorded jobs.
/// </summary>
/// <param name="exporter">Writes the export.</param>
/// <param name="fineTuning">Starts and lists jobs.</param>
/// <param name="logger">Logs what callers are not shown, under their correlation id.</param>
public sealed class FineTuneApi(TrainingExporter exporter, FineTuneService fineTuning, ILogger<FineTuneApi> logger)
{
    /// <summary>Starts a job from the current labels.</summary>
    [Function("StartFineTune")]
    public async Task<IActionResult> StartAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "fine-tune/jobs")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        StartRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<StartRequest>(request.Body, JsonSerializerOptions.Web, cancellationToken);
        }
        catch (JsonException exception)
        {
            return Invalid($"The body is not JSON ({ApiError.WhereJsonBroke(exception)}).");
        }

        if (body is null || string.IsNullOrWhiteSpace(body.Suffix))
        {
            return Invalid("Send {\"suffix\": \"…\"} and optionally baseModel, source (actual|expert|both) and validationPercent (0–50).");
        }

        var sources = FeedbackLabels.ParseSources(body.Source);
        if (sources is null || body.ValidationPercent is { } percent && !ValidationShare.IsValid(percent))
        {
            return Invalid($"source must be actual, expert or both, and validationPercent {ValidationShare.Rule}.");
        }

        var folder = Path.Combine(Path.GetTempPath(), $"timevision-finetune-{Guid.NewGuid():N}");
        try
        {
            await exporter.ExportAsync(new TrainingExportRequest(sources, ValidationPercent: body.ValidationPercent ?? ValidationShare.DefaultPercent), new FolderExportSink(folder), cancellationToken);
            var job = await fineTuning.StartAsync(body.BaseModel ?? ModelIds.Default, body.Suffix, folder, cancellationToken);
            return new ObjectResult(job) { StatusCode = StatusCodes.Status201Created };
        }
        catch (FineTuneInputException exception)
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, exception.Code, exception.Message);
        }
        catch (ClientResultException exception)
        {
            return ApiError.Logged(logger, StatusCodes.Status502BadGateway, "openai_error", $"The model provider answered {exception.Status}; the details are in the log under the correlation id.", exception.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Every recorded job, oldest first, as last checked.</summary>
    [Function("ListFineTuneJobs")]
    public async Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "fine-tune/jobs")] HttpRequest request,
        CancellationToken cancellationToken) =>
        new OkObjectResult(new { jobs = await fineTuning.ListAsync(cancellationToken) });

    private static ObjectResult Invalid(string message) => ApiError.Result(StatusCodes.Status400BadRequest, "invalid_request", message);

    private sealed record StartRequest(string? BaseModel, string? Suffix, string? Source, int? ValidationPercent);
}
