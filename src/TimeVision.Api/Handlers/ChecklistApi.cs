using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using TimeVision.Api.Access;
using TimeVision.Api.Http;
using TimeVision.Core.Estimating.Checklist;
using TimeVision.Core.Estimating.Estimates;

namespace TimeVision.Api.Handlers;

/// <summary>
/// A document's facts checklist: <c>GET /api/estimates/{id}/checklist</c> answers <c>{"documentId", "items": [{"item",
/// "checked", "by", "at"}]}</c> (empty items when nothing was ticked); <c>PUT</c> with <see cref="ChecklistTick"/> ticks or
/// clears one line and answers the checklist as stored. <c>by</c> is who the host knows the caller as
/// (<see cref="CallerIdentity"/>), else the name sent. 400 <c>invalid_checklist</c>; 404 unknown document; 413 a body
/// over <see cref="ChecklistLimits.MaxBodyBytes"/>; 503 <c>storage_unavailable</c>.
/// </summary>
/// <param name="checklists">Reads and ticks checklists.</param>
/// <param name="logger">Logs what callers are not shown.</param>
public sealed class ChecklistApi(ChecklistService checklists, ILogger<ChecklistApi> logger)
{
    /// <summary>The checklist, or 404.</summary>
    /// <param name="request">The request.</param>
    /// <param name="id">The document id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public Task<Results<Ok<DocumentChecklist>, JsonHttpResult<ApiErrorBody>>> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        StorageOutageAnswer.UnlessStorageIsDownAsync<Ok<DocumentChecklist>>(logger, nameof(ChecklistApi), async () =>
            DocumentId.TryParse(id, out var documentId) && await checklists.GetAsync(documentId.Value, cancellationToken) is { } checklist
                ? TypedResults.Ok(checklist)
                : ApiError.NoSuchDocument(id));

    /// <summary>Ticks or clears one line.</summary>
    /// <param name="request">The request, its body a <see cref="ChecklistTick"/>.</param>
    /// <param name="id">The document id.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public Task<Results<Ok<DocumentChecklist>, JsonHttpResult<ApiErrorBody>>> PutAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        StorageOutageAnswer.UnlessStorageIsDownAsync<Ok<DocumentChecklist>>(logger, nameof(ChecklistApi), () => TickAsync(request, id, cancellationToken));

    private async Task<Results<Ok<DocumentChecklist>, JsonHttpResult<ApiErrorBody>>> TickAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!DocumentId.TryParse(id, out var documentId))
        {
            return ApiError.NoSuchDocument(id);
        }

        if (await RequestBody.ReadAtMostAsync(request, ChecklistLimits.MaxBodyBytes, cancellationToken) is not { } json)
        {
            return ApiError.Json(StatusCodes.Status413PayloadTooLarge, "request_too_large", $"The body is larger than {ChecklistLimits.MaxBodyBytes / 1024} KB.");
        }

        ChecklistTick? tick;
        try
        {
            tick = JsonSerializer.Deserialize<ChecklistTick>(json, JsonSerializerOptions.Web);
        }
        catch (JsonException exception)
        {
            return ApiError.Json(StatusCodes.Status400BadRequest, "invalid_checklist", $"The body is not a checklist line ({ApiError.WhereJsonBroke(exception)}).");
        }

        if (tick?.Checked is not { } isChecked)
        {
            return ApiError.Json(StatusCodes.Status400BadRequest, "invalid_checklist", "Send {\"item\": \"p1.material\", \"checked\": true}.");
        }

        var by = CallerIdentity.Of(request.HttpContext) is { } caller ? caller.EnteredBy(tick.EnteredBy) : tick.EnteredBy;
        var result = await checklists.SetAsync(documentId.Value, tick.Item, isChecked, by, cancellationToken);
        return result.Outcome switch
        {
            ChecklistOutcome.Saved => TypedResults.Ok(result.Checklist!),
            ChecklistOutcome.NotFound => ApiError.NoSuchDocument(id),
            _ => ApiError.Json(StatusCodes.Status400BadRequest, "invalid_checklist", result.Message!),
        };
    }
}

/// <summary>One checklist line ticked or cleared: <c>{"item": "p1.material", "checked": true, "enteredBy": "Jana"}</c>.</summary>
/// <param name="Item">The line's key.</param>
/// <param name="Checked">Whether it is now ticked.</param>
/// <param name="EnteredBy">Who, as they give their name.</param>
public sealed record ChecklistTick(string? Item, bool? Checked, string? EnteredBy);
