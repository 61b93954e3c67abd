using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using TimeVision.Api.Http;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Vision;
using TimeVision.Core.ModelOps.ModelCheck;
using TimeVision.Core.ModelOps.ModelManagement;
using TimeVision.Core.Storage;

namespace TimeVision.Api.Handlers;

/// <summary>
/// <c>GET /api/model-info</c>, and the admin <c>POST /api/model/check</c> and <c>POST /api/model/activate</c> (body
/// <see cref="ModelRequest"/>). Activation checks the model on the sample drawings first and refuses one that fails,
/// unless forced. A running app uses an activated model within a minute; <c>Vision:Model</c>, when set, still wins. The
/// check runs against the configured endpoint only: a request cannot send the app's credentials elsewhere. A model id
/// must pass <see cref="ModelId.Problem"/> (400 <c>invalid_model_id</c>), and a body past <see cref="MaxBodyBytes"/> is
/// 413 <c>request_too_large</c>, read no further.
/// </summary>
/// <param name="models">Reports and switches the model.</param>
/// <param name="check">Checks a model on the sample drawings.</param>
/// <param name="access">The missing-key rule: a check, or an unforced activation, with no way to the endpoint is 503 <c>missing_api_key</c>.</param>
public sealed class ModelApi(ModelInfoService models, ModelCheckService check, ModelAccess access)
{
    /// <summary>The largest body the model routes read: a model id and a flag need far less.</summary>
    public const int MaxBodyBytes = 4096;

    /// <summary>The model in use, its source, retirement date, candidates and estimate counts.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<Ok<ModelInfo>> InfoAsync(HttpRequest request, CancellationToken cancellationToken) =>
        TypedResults.Ok(await models.GetAsync(cancellationToken));

    /// <summary>Sends the sample drawings to a model once each: 200 with the report, <c>usable</c> saying whether it can take over.</summary>
    /// <param name="request">The request, its body a <see cref="ModelRequest"/>.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    public async Task<Results<Ok<ModelCheckReport>, JsonHttpResult<ApiErrorBody>>> CheckAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (body, refused) = await ReadAsync(request, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (Unreachable(access.Check(ModelId.Parse(body!.Model))) is { } unreachable)
        {
            return unreachable;
        }

        return TypedResults.Ok(await check.CheckAsync(body!.Model!, cancellationToken));
    }

    /// <summary>Checks a model and switches it on: 409 <c>model_check_failed</c> with the report when it is not usable and not forced.</summary>
    /// <param name="request">The request, its body a <see cref="ModelRequest"/>; <c>?force=true</c> as the body's <c>force</c>.</param>
    /// <param name="cancellationToken">Cancels the check and the switch.</param>
    public async Task<Results<Ok<ModelInfo>, Conflict<ModelCheckFailed>, JsonHttpResult<ApiErrorBody>>> ActivateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (body, refused) = await ReadAsync(request, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var model = body!.Model!;
        var force = body.Force == true || string.Equals(request.Query["force"], "true", StringComparison.OrdinalIgnoreCase);
        if (Unreachable(access.CheckActivation(ModelId.Parse(model), force)) is { } unreachable)
        {
            return unreachable;
        }

        ModelActivation activation;
        try
        {
            activation = await models.ActivateCheckedAsync(model, force, cancellationToken);
        }
        catch (ConcurrencyConflictException exception)
        {
            return ApiError.Json(StatusCodes.Status409Conflict, "conflict", exception.Message);
        }

        if (!activation.Activated)
        {
            return TypedResults.Conflict(new ModelCheckFailed(
                new ModelCheckFailedError("model_check_failed", $"{model} failed the model check; nothing was switched. Send force=true to switch it anyway."),
                activation.Check));
        }

        return TypedResults.Ok(await models.GetAsync(cancellationToken));
    }

    /// <summary>
    /// The body with its model id trimmed, or the answer refusing it: 413 <c>request_too_large</c> past
    /// <see cref="MaxBodyBytes"/> (read no further), 400 <c>invalid_request</c> for no model, 400
    /// <see cref="ModelIds.InvalidCode"/> for one that breaks <see cref="ModelId.Problem"/>'s rule.
    /// </summary>
    private static async Task<(ModelRequest? Body, JsonHttpResult<ApiErrorBody>? Refused)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (await RequestBody.ReadAtMostAsync(request, MaxBodyBytes, cancellationToken) is not { } json)
        {
            return (null, ApiError.Json(StatusCodes.Status413PayloadTooLarge, "request_too_large", $"The body is larger than {MaxBodyBytes / 1024} KB; a model id is at most {ModelIds.MaxLength} characters."));
        }

        ModelRequest? body;
        try
        {
            body = JsonSerializer.Deserialize<ModelRequest>(json, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            body = null;
        }

        var model = body?.Model?.Trim();
        return string.IsNullOrEmpty(model) ? (null, ApiError.Json(StatusCodes.Status400BadRequest, "invalid_request", "Send {\"model\": \"<model id>\"}."))
            : ModelId.Problem(model) is { } problem ? (null, ApiError.Json(StatusCodes.Status400BadRequest, ModelIds.InvalidCode, problem))
            : (body! with { Model = model }, null);
    }

    /// <summary>503 with the access rule's code when the model cannot be reached: the app's configuration, not the request, is at fault.</summary>
    private static JsonHttpResult<ApiErrorBody>? Unreachable(ModelAccessError? denied) =>
        denied is null ? null : ApiError.Json(StatusCodes.Status503ServiceUnavailable, denied.Code, denied.Message);
}
