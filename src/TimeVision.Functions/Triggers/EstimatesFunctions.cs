using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using TimeVision.Api.Endpoints;
using TimeVision.Api.Handlers;

namespace TimeVision.Functions.Triggers;

/// <summary><c>POST /api/estimates</c>, <c>GET /api/estimates/{id}</c> and <c>POST /api/estimates/{id}/retry</c>: shims over <see cref="EstimatesApi"/>, as <see cref="ApiEndpoints"/> defines them.</summary>
/// <param name="api">The handler.</param>
public sealed class EstimatesFunctions(EstimatesApi api)
{
    /// <summary>Accepts a PDF (<see cref="EstimatesApi.PostAsync"/>).</summary>
    [Function("PostEstimate")]
    public Task<IActionResult> PostAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Estimates)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        api.PostAsync(request, client, cancellationToken).AsActionResultAsync();

    /// <summary>Progress, the stored estimate or 404 (<see cref="EstimatesApi.GetAsync"/>).</summary>
    [Function("GetEstimate")]
    public Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Estimate)] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        api.GetAsync(request, id, client, cancellationToken).AsActionResultAsync();

    /// <summary>Runs the retryable pages again (<see cref="EstimatesApi.RetryAsync"/>).</summary>
    [Function("RetryEstimate")]
    public Task<IActionResult> RetryAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Retry)] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        api.RetryAsync(request, id, client, cancellationToken).AsActionResultAsync();
}
