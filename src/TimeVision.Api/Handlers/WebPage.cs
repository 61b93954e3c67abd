using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.StaticFiles;
using TimeVision.Api.Http;

namespace TimeVision.Api.Handlers;

/// <summary>
/// The estimator's page: <c>GET /</c>, the deep link <c>GET /estimates/{id}</c> (the same page; its script opens the
/// document) and its assets under <c>/assets/</c>. The files are embedded in this assembly from <c>wwwroot/</c>, so the
/// page needs no build step, no CDN and no internet, and both hosts serve the very same bytes.
/// </summary>
public static class WebPage
{
    private const string ResourcePrefix = "wwwroot/";
    private static readonly Assembly Files = typeof(WebPage).Assembly;
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>The page.</summary>
    public static Results<FileStreamHttpResult, JsonHttpResult<ApiErrorBody>> Index() => File("index.html");

    /// <summary>The page, opening one document: the same page, whose script reads the id from the address.</summary>
    public static Results<FileStreamHttpResult, JsonHttpResult<ApiErrorBody>> Document() => File("index.html");

    /// <summary>The page, opening the admin's rates and work centres: the same page (the rates API itself is the admin's only).</summary>
    public static Results<FileStreamHttpResult, JsonHttpResult<ApiErrorBody>> Rates() => File("index.html");

    /// <summary>A script, style sheet, image or translation of the page; 404 for any other name.</summary>
    /// <param name="name">The file's name.</param>
    public static Results<FileStreamHttpResult, JsonHttpResult<ApiErrorBody>> Asset(string name) => File($"assets/{name}");

    private static Results<FileStreamHttpResult, JsonHttpResult<ApiErrorBody>> File(string path)
    {
        var stream = Files.GetManifestResourceStream(ResourcePrefix + path);
        if (stream is null || !ContentTypes.TryGetContentType(path, out var contentType))
        {
            stream?.Dispose();
            return ApiError.Json(StatusCodes.Status404NotFound, "not_found", "No such file.");
        }

        return TypedResults.Stream(stream, contentType.StartsWith("text/", StringComparison.Ordinal) ? $"{contentType}; charset=utf-8" : contentType);
    }
}
