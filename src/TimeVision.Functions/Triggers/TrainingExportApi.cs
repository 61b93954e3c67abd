using System.Globalization;
using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TimeVision.Core.Feedback;
using TimeVision.Core.Training;

namespace TimeVision.Functions.Triggers;

/// <summary>
/// <c>GET /api/training/export</c> (admin): the training export as a zip of <c>train.jsonl</c>,
/// <c>validation.jsonl</c> and <c>manifest.json</c> (with <c>format=sharegpt</c> also <c>dataset_info.json</c> and
/// <c>images/</c>), written to temporary files and streamed out.
/// Query: <c>source=actual|expert|both</c>, <c>since</c>, <c>validationPercent</c>, <c>includeShadow=true</c>,
/// <c>format=openai|sharegpt</c>.
/// </summary>
/// <param name="exporter">Writes the export.</param>
public sealed class TrainingExportApi(TrainingExporter exporter)
{
    /// <summary>Streams the export.</summary>
    [Function("ExportTraining")]
    public async Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "training/export")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sources = FeedbackLabels.ParseSources(request.Query["source"].FirstOrDefault());
        DateTimeOffset? since = null;
        if (request.Query["since"].FirstOrDefault() is { Length: > 0 } sinceText)
        {
            if (!DateTimeOffset.TryParse(sinceText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return Invalid($"since '{sinceText}' is not a date.");
            }

            since = parsed;
        }

        var percent = ValidationShare.DefaultPercent;
        if (request.Query["validationPercent"].FirstOrDefault() is { Length: > 0 } percentText
            && (!int.TryParse(percentText, NumberStyles.None, CultureInfo.InvariantCulture, out percent) || !ValidationShare.IsValid(percent)))
        {
            return Invalid($"validationPercent must be {ValidationShare.Rule}.");
        }

        if (sources is null)
        {
            return Invalid("source must be actual, expert or both.");
        }

        if (TrainingFormats.Parse(request.Query["format"].FirstOrDefault()) is not { } format)
        {
            return Invalid($"format must be {string.Join(" or ", TrainingFormats.Names)}.");
        }

        var folder = Path.Combine(Path.GetTempPath(), $"timevision-export-{Guid.NewGuid():N}");
        try
        {
            var includeShadow = string.Equals(request.Query["includeShadow"].FirstOrDefault(), "true", StringComparison.OrdinalIgnoreCase);
            await exporter.ExportAsync(new TrainingExportRequest(folder, sources, since, percent, IncludeShadow: includeShadow, Format: format), cancellationToken);
            var response = request.HttpContext.Response;
            response.ContentType = "application/zip";
            response.Headers.ContentDisposition = "attachment; filename=\"timevision-training.zip\"";
            await using (var zip = new ZipArchive(response.Body, ZipArchiveMode.Create, leaveOpen: true))
            {
                // Everything the export wrote, whatever its format; PNG files are compressed already.
                foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    var name = Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/');
                    var level = name.EndsWith(".png", StringComparison.OrdinalIgnoreCase) ? CompressionLevel.NoCompression : CompressionLevel.Fastest;
                    await using var entry = await zip.CreateEntry(name, level).OpenAsync(cancellationToken);
                    await using var file = File.OpenRead(path);
                    await file.CopyToAsync(entry, cancellationToken);
                }
            }

            return new EmptyResult();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static ObjectResult Invalid(string message) =>
        ApiError.Result(StatusCodes.Status400BadRequest, "invalid_query", message);
}
