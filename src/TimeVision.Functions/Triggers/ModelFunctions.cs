using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TimeVision.Api.Endpoints;
using TimeVision.Api.Handlers;

namespace TimeVision.Functions.Triggers;

/// <summary>The model routes: shims over <see cref="ModelApi"/>, as <see cref="ApiEndpoints"/> defines them.</summary>
/// <param name="api">The handler.</param>
public sealed class ModelFunctions(ModelApi api)
{
    /// <summary>The model in use (<see cref="ModelApi.InfoAsync"/>).</summary>
    [Function("GetModelInfo")]
    public Task<IActionResult> InfoAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ModelInfo)] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.InfoAsync(request, cancellationToken).AsActionResultAsync();

    /// <summary>Checks a model (<see cref="ModelApi.CheckAsync"/>).</summary>
    [Function("CheckModel")]
    public Task<IActionResult> CheckAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.ModelCheck)] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.CheckAsync(request, cancellationToken).AsActionResultAsync();

    /// <summary>Checks and activates a model (<see cref="ModelApi.ActivateAsync"/>).</summary>
    [Function("ActivateModel")]
    public Task<IActionResult> ActivateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.ModelActivate)] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.ActivateAsync(request, cancellationToken).AsActionResultAsync();
}
