using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Azure.Functions.Worker;

namespace TimeVision.Functions.Triggers;

/// <summary>
/// The estimator's page: <c>GET /</c>, the deep link <c>GET /estimates/{id}</c> (the same page; its script opens the
/// document) and its assets under <c>/assets/</c>. The files are embedded in this assembly from <c>wwwroot/</c>, so the
/// page needs no build step, no CDN and no internet, and <c>timevision serve</c> serves the very same bytes.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Functions are instance methods, as every function class here; serve builds them the same way.")]
public sealed class WebPage
{
    private const string ResourcePrefix = "wwwroot/";
    private static readonly Assembly Files = typeof(WebPage).Assembly;
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>The page.</summary>
    [Function("WebIndex")]
    public IActionResult Index(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "{ignored:maxlength(0)?}")] HttpRequest request) => File("index.html");

    /// <summary>The page, opening one document.</summary>
    [Function("WebDocument")]
    public IActionResult Document(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "estimates/{id}")] HttpRequest request,
        string id) => File("index.html");

    /// <summary>A script, style sheet, image or translation of the page; 404 for any other name.</summary>
    [Function("WebAsset")]
    public IActionResult Asset(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "assets/{name}")] HttpRequest request,
        string name) => File($"assets/{name}");

    private static IActionResult File(string path)
    {
        var stream = Files.GetManifestResourceStream(ResourcePrefix + path);
        if (stream is null || !ContentTypes.TryGetContentType(path, out var contentType))
        {
            stream?.Dispose();
            return ApiError.Result(StatusCodes.Status404NotFound, "not_found", "No such file.");
        }

        return new FileStreamResult(stream, contentType.StartsWith("text/", StringComparison.Ordinal) ? $"{contentType}; charset=utf-8" : contentType);
    }
}
