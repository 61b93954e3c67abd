using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using TimeVision.Api.Access;
using TimeVision.Api.Http;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Learning.Feedback;

namespace TimeVision.Api.Handlers;

/// <summary>
/// <c>PUT /api/estimates/{id}/feedback</c>: the shop's real time for a stored estimate. The body is a
/// <see cref="ShopFeedback"/>; <c>If-Match</c> carries the estimate's <c>ETag</c>. 200 with the new <c>ETag</c>;
/// 400 invalid (<see cref="FeedbackLimits"/>); 404 unknown; 409 stale token (nothing overwritten); 413 a body over
/// <see cref="FeedbackLimits.MaxBodyBytes"/>; 428 no <c>If-Match</c>. A client's <c>import</c> block is dropped, and
/// <c>enteredBy</c> is the signed-in caller's name where the host knows one (<see cref="CallerIdentity"/>).
/// </summary>
/// <param name="feedback">Records feedback.</param>
public sealed class FeedbackApi(FeedbackService feedback)
{
    /// <summary>Records feedback.</summary>
    public async Task<Results<Ok<FeedbackSaved>, JsonHttpResult<ApiErrorBody>>> PutAsync(
        HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!DocumentId.TryParse(id, out var documentId))
        {
            return ApiError.NoSuchDocument(id);
        }

        var ifMatch = request.Headers.IfMatch.FirstOrDefault();
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return ApiError.Json(StatusCodes.Status428PreconditionRequired, "if_match_required", "Send the estimate's ETag in If-Match.");
        }

        if (await RequestBody.ReadAtMostAsync(request, FeedbackLimits.MaxBodyBytes, cancellationToken) is not { } json)
        {
            return ApiError.Json(
                StatusCodes.Status413PayloadTooLarge, "feedback_too_large", $"The feedback body is larger than {FeedbackLimits.MaxBodyBytes / 1024} KB.");
        }

        ShopFeedback? body;
        try
        {
            body = JsonSerializer.Deserialize<ShopFeedback>(json, JsonSerializerOptions.Web);
        }
        catch (JsonException exception)
        {
            return ApiError.Json(StatusCodes.Status400BadRequest, "invalid_feedback", $"The body is not valid feedback JSON ({ApiError.WhereJsonBroke(exception)}).");
        }

        if (body is null)
        {
            return ApiError.Json(StatusCodes.Status400BadRequest, "invalid_feedback", "The body is empty.");
        }

        var result = await feedback.RecordAsync(documentId.Value, AsEnteredBy(body, request.HttpContext), ifMatch, cancellationToken);
        switch (result.Outcome)
        {
            case FeedbackOutcome.Saved:
                request.HttpContext.Response.Headers.ETag = result.ETag;
                return TypedResults.Ok(new FeedbackSaved(documentId.Value, result.ETag));
            case FeedbackOutcome.NotFound:
                return ApiError.Json(StatusCodes.Status404NotFound, "not_found", result.Message!);
            case FeedbackOutcome.Conflict:
                return ApiError.Json(StatusCodes.Status409Conflict, "stale_token", result.Message!);
            default:
                return ApiError.Json(StatusCodes.Status400BadRequest, "invalid_feedback", result.Message!);
        }
    }

    /// <summary>
    /// The label as the server vouches for it: never an <c>import</c> block (only the history import, on the server,
    /// records where a label was imported from), and <c>enteredBy</c> as the host knows the caller (<see cref="CallerIdentity"/>).
    /// </summary>
    private static ShopFeedback AsEnteredBy(ShopFeedback body, HttpContext context) => body with
    {
        Import = null,
        EnteredBy = CallerIdentity.Of(context) is { } caller ? caller.EnteredBy(body.EnteredBy) : body.EnteredBy,
    };
}
