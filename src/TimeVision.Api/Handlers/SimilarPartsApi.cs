using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using TimeVision.Api.Http;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Learning.History;
using TimeVision.Core.Storage;

namespace TimeVision.Api.Handlers;

/// <summary>
/// <c>GET /api/estimates/{id}/similar?k=5</c>: for each part of a stored document, the labelled past parts most similar
/// to it, with their real times, scores and reasons (<see cref="SimilarPartsFinder"/>, as <c>timevision similar</c>).
/// </summary>
/// <param name="finder">Answers from the history index.</param>
/// <param name="logger">Logs what callers are not shown, under their correlation id.</param>
public sealed class SimilarPartsApi(SimilarPartsFinder finder, ILogger<SimilarPartsApi> logger)
{
    /// <summary>200 with the similar parts per part; 400 <c>invalid_k</c>; 404 when unknown; 503 <c>storage_unavailable</c>.</summary>
    public async Task<Results<Ok<SimilarPartsAnswer>, JsonHttpResult<ApiErrorBody>>> GetAsync(
        HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        int? k = null;
        if (request.Query["k"].FirstOrDefault() is { } text)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed is < 1 or > HistoryOptions.MaxNeighbours)
            {
                return ApiError.Json(StatusCodes.Status400BadRequest, "invalid_k", $"k must be a whole number from 1 to {HistoryOptions.MaxNeighbours}.");
            }

            k = parsed;
        }

        try
        {
            var answer = DocumentId.TryParse(id, out var documentId) ? await finder.FindAsync(documentId.Value, k, cancellationToken) : null;
            return answer is null
                ? ApiError.NoSuchDocument(id)
                : TypedResults.Ok(answer);
        }
        catch (Exception exception) when (StorageOutage.Is(exception))
        {
            return ApiError.StorageDown(logger, nameof(SimilarPartsApi), exception);
        }
    }
}
