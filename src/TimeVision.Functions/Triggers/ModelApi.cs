using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TimeVision.Core.Models;
using TimeVision.Core.Storage;

namespace TimeVision.Functions.Triggers;

/// <summary>
/// <c>GET /api/model-info</c> and <c>POST /api/model/activate</c> (admin, body <c>{"model": "…"}</c>). A running app
/// uses an activated model for the next estimate within a minute; <c>Vision:Model</c>, when set, still wins.
/// </summary>
/// <param name="models">Reports and switches the model.</param>
public sealed class ModelApi(ModelInfoService models)
{
    /// <summary>The model in use, its source, candidates and estimate counts.</summary>
    [Function("GetModelInfo")]
    public async Task<IActionResult> InfoAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "model-info")] HttpRequest request,
        CancellationToken cancellationToken) =>
        new OkObjectResult(await models.GetAsync(cancellationToken));

    /// <summary>Switches the registry's active model.</summary>
    [Function("ActivateModel")]
    public async Task<IActionResult> ActivateAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "model/activate")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ActivateRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<ActivateRequest>(request.Body, JsonSerializerOptions.Web, cancellationToken);
        }
        catch (JsonException)
        {
            body = null;
        }

        if (string.IsNullOrWhiteSpace(body?.Model))
        {
            return new BadRequestObjectResult(new { error = new { code = "invalid_request", message = "Send {\"model\": \"<model id>\"}." } });
        }

        try
        {
            await models.ActivateAsync(body.Model, cancellationToken);
        }
        catch (ConcurrencyConflictException exception)
        {
            return new ConflictObjectResult(new { error = new { code = "conflict", message = exception.Message } });
        }

        return new OkObjectResult(await models.GetAsync(cancellationToken));
    }

    private sealed record ActivateRequest(string? Model);
}
