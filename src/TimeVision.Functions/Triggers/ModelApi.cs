using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TimeVision.Core.ModelCheck;
using TimeVision.Core.ModelRegistry;
using TimeVision.Core.Storage;

namespace TimeVision.Functions.Triggers;

/// <summary>
/// <c>GET /api/model-info</c>, and the admin <c>POST /api/model/check</c> and <c>POST /api/model/activate</c> (body
/// <c>{"model": "…", "force": false}</c>). Activation checks the model on the sample drawings first and refuses one
/// that fails, unless forced. A running app uses an activated model within a minute; <c>Vision:Model</c>, when set,
/// still wins. The check runs against the configured endpoint only: a request cannot send the app's credentials elsewhere.
/// </summary>
/// <param name="models">Reports and switches the model.</param>
/// <param name="check">Checks a model on the sample drawings.</param>
public sealed class ModelApi(ModelInfoService models, ModelCheckService check)
{
    /// <summary>The model in use, its source, retirement date, candidates and estimate counts.</summary>
    [Function("GetModelInfo")]
    public async Task<IActionResult> InfoAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/model-info")] HttpRequest request,
        CancellationToken cancellationToken) =>
        new OkObjectResult(await models.GetAsync(cancellationToken));

    /// <summary>Sends the sample drawings to a model once each: 200 with the report, <c>usable</c> saying whether it can take over.</summary>
    [Function("CheckModel")]
    [AcceptsBody("application/json")]
    [AdminOnly]
    public async Task<IActionResult> CheckAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/model/check")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await ReadAsync(request, cancellationToken);
        return string.IsNullOrWhiteSpace(body?.Model)
            ? ApiError.Result(StatusCodes.Status400BadRequest, "invalid_request", "Send {\"model\": \"<model id>\"}.")
            : new OkObjectResult(await check.CheckAsync(body.Model.Trim(), cancellationToken));
    }

    /// <summary>Checks a model and switches it on: 409 <c>model_check_failed</c> with the report when it is not usable and not forced.</summary>
    [Function("ActivateModel")]
    [AcceptsBody("application/json")]
    [AdminOnly]
    public async Task<IActionResult> ActivateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/model/activate")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await ReadAsync(request, cancellationToken);
        if (string.IsNullOrWhiteSpace(body?.Model))
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "invalid_request", "Send {\"model\": \"<model id>\"}.");
        }

        var force = body.Force == true || string.Equals(request.Query["force"], "true", StringComparison.OrdinalIgnoreCase);
        ModelActivation activation;
        try
        {
            activation = await models.ActivateCheckedAsync(body.Model, force, cancellationToken);
        }
        catch (ConcurrencyConflictException exception)
        {
            return ApiError.Result(StatusCodes.Status409Conflict, "conflict", exception.Message);
        }

        if (!activation.Activated)
        {
            return new ConflictObjectResult(new
            {
                error = new { code = "model_check_failed", message = $"{body.Model} failed the model check; nothing was switched. Send force=true to switch it anyway." },
                check = activation.Check,
            });
        }

        return new OkObjectResult(await models.GetAsync(cancellationToken));
    }

    private static async Task<ModelRequest?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<ModelRequest>(request.Body, JsonSerializerOptions.Web, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record ModelRequest(string? Model, bool? Force);
}
