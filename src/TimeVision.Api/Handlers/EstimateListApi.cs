using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using TimeVision.Api.Http;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Listing;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Storage;

namespace TimeVision.Api.Handlers;

/// <summary>
/// The list of documents and what the page needs beside a document: <c>GET /api/estimates</c> (newest first, filtered,
/// paged by continuation token), soft delete and restore (<c>DELETE /api/estimates/{id}</c>,
/// <c>POST /api/estimates/{id}/restore</c>), the admin's purge of a deleted document's files, and a page's rendered image and text-layer facts. Each answers 503
/// <c>storage_unavailable</c> while a store cannot be reached.
/// </summary>
/// <param name="listing">The list of documents.</param>
/// <param name="deletion">Soft delete and restore.</param>
/// <param name="purge">The admin's purge of a deleted document's files.</param>
/// <param name="estimates">The stored documents.</param>
/// <param name="blobs">The page images and facts.</param>
/// <param name="logger">Logs what callers are not shown.</param>
public sealed class EstimateListApi(
    IEstimateListing listing, EstimateDeletion deletion, EstimatePurge purge, IEstimateStore estimates, IBlobStore blobs, ILogger<EstimateListApi> logger)
{
    /// <summary>
    /// One page of the list: <c>{"items": [...], "continuationToken": "…"|null}</c>. Query: <c>status</c>
    /// (completed, partial, failed, imported, or blocked: a page the model refused), <c>model</c> (part of a model id),
    /// <c>q</c> (file, part name, drawing number), <c>from</c> and <c>to</c>
    /// (dates; <c>to</c> takes in its whole day), <c>deleted=true</c> (only deleted ones), <c>pageSize</c> (1-100,
    /// default 20), <c>continuationToken</c>. 400 <c>invalid_query</c> for a value it cannot read.
    /// </summary>
    public Task<Results<Ok<EstimateListPage>, JsonHttpResult<ApiErrorBody>>> ListAsync(
        HttpRequest request,
        CancellationToken cancellationToken) =>
        UnlessStorageIsDownAsync<Ok<EstimateListPage>>(async () =>
        {
            ArgumentNullException.ThrowIfNull(request);
            if (EstimateListQuery.Read(request.Query, out var query) is { } problem)
            {
                return ApiError.Json(StatusCodes.Status400BadRequest, "invalid_query", problem);
            }

            return TypedResults.Ok(await listing.ListAsync(query!, cancellationToken));
        });

    /// <summary>Takes a document off the list (soft delete; its files stay until purged): 204, or 404.</summary>
    public Task<Results<NoContent, JsonHttpResult<ApiErrorBody>>> DeleteAsync(
        HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        UnlessStorageIsDownAsync<NoContent>(async () =>
            DocumentId.TryParse(id, out var parsed) && await deletion.DeleteAsync(parsed.Value, cancellationToken) ? TypedResults.NoContent() : ApiError.NoSuchDocument(id));

    /// <summary>Puts a deleted document back on the list: 204, or 404.</summary>
    public Task<Results<NoContent, JsonHttpResult<ApiErrorBody>>> RestoreAsync(
        HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        UnlessStorageIsDownAsync<NoContent>(async () =>
            DocumentId.TryParse(id, out var parsed) && await deletion.RestoreAsync(parsed.Value, cancellationToken) ? TypedResults.NoContent() : ApiError.NoSuchDocument(id));

    /// <summary>
    /// Admin: removes a deleted document's PDF, page images and text-layer facts for good; the estimate and its feedback
    /// stay. 204; 404 unknown; 409 <c>not_deleted</c> for a document still on the list.
    /// </summary>
    public Task<Results<NoContent, JsonHttpResult<ApiErrorBody>>> PurgeAsync(
        HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        UnlessStorageIsDownAsync<NoContent>(async () => !DocumentId.TryParse(id, out var parsed) ? ApiError.NoSuchDocument(id) : await purge.PurgeAsync(parsed.Value, cancellationToken) switch
        {
            PurgeOutcome.Purged => TypedResults.NoContent(),
            PurgeOutcome.NotDeleted => ApiError.Json(StatusCodes.Status409Conflict, "not_deleted", "Delete the document first; only a deleted document's files can be purged."),
            _ => ApiError.NoSuchDocument(id),
        });

    /// <summary>
    /// A page's rendered image (<c>image/png</c>, cached privately: <see cref="SecurityHeaders.PageImageCacheControl"/>),
    /// or 404 when the document, the page or its image is missing.
    /// </summary>
    public Task<Results<FileStreamHttpResult, JsonHttpResult<ApiErrorBody>>> ImageAsync(
        HttpRequest request,
        string id,
        string page,
        CancellationToken cancellationToken) =>
        UnlessStorageIsDownAsync<FileStreamHttpResult>(async () =>
        {
            ArgumentNullException.ThrowIfNull(request);
            var answer = await BlobOfPageAsync(id, page, p => p.Image, "image/png", cancellationToken);
            if (answer.Result is FileStreamHttpResult)
            {
                request.HttpContext.Response.Headers.CacheControl = SecurityHeaders.PageImageCacheControl;
            }

            return answer;
        });

    /// <summary>The facts read from a page's text layer (JSON, as <c>timevision facts</c> prints them), or 404.</summary>
    public Task<Results<FileStreamHttpResult, JsonHttpResult<ApiErrorBody>>> FactsAsync(
        HttpRequest request,
        string id,
        string page,
        CancellationToken cancellationToken) =>
        UnlessStorageIsDownAsync(() => BlobOfPageAsync(id, page, p => p.Facts, "application/json", cancellationToken));

    private async Task<Results<FileStreamHttpResult, JsonHttpResult<ApiErrorBody>>> BlobOfPageAsync(
        string id, string page, Func<DocumentPage, BlobReference?> blobOf, string contentType, CancellationToken cancellationToken)
    {
        var document = DocumentId.TryParse(id, out var parsed) ? await estimates.GetAsync(parsed.Value, cancellationToken) : null;
        if (document is null)
        {
            return ApiError.NoSuchDocument(id);
        }

        var stored = int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? document.Pages.FirstOrDefault(p => p.Page == number)
            : null;
        if (stored is null || blobOf(stored) is not { } blob)
        {
            return ApiError.Json(StatusCodes.Status404NotFound, "not_found", $"Page '{page}' of this estimate has nothing stored of that kind.");
        }

        var content = new MemoryStream();
        if (!await blobs.DownloadToAsync(blob, content, cancellationToken))
        {
            return ApiError.Json(StatusCodes.Status404NotFound, "not_found", $"Page {number}'s file is no longer stored (purged).");
        }

        content.Position = 0;
        return TypedResults.Stream(content, contentType);
    }

    private Task<Results<T, JsonHttpResult<ApiErrorBody>>> UnlessStorageIsDownAsync<T>(Func<Task<Results<T, JsonHttpResult<ApiErrorBody>>>> answer)
        where T : IResult =>
        StorageOutageAnswer.UnlessStorageIsDownAsync(logger, nameof(EstimateListApi), answer);
}
