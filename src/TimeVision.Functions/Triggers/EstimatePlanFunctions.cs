using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TimeVision.Api.Endpoints;
using TimeVision.Api.Handlers;

namespace TimeVision.Functions.Triggers;

/// <summary>
/// <c>GET /api/estimates/{id}/plan</c>, <c>PUT /api/estimates/{id}/features</c> and
/// <c>POST /api/estimates/{id}/plan/accept</c> and <c>POST /api/estimates/{id}/plan/replan</c>: shims over
/// <see cref="EstimatePlanApi"/>, as <see cref="ApiEndpoints"/> defines them.
/// </summary>
/// <param name="api">The handler.</param>
public sealed class EstimatePlanFunctions(EstimatePlanApi api)
{
    /// <summary>The plan with its features (<see cref="EstimatePlanApi.GetAsync"/>).</summary>
    [Function("GetEstimatePlan")]
    public Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Plan)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.GetAsync(request, id, cancellationToken).AsActionResultAsync();

    /// <summary>Stores the estimator's features and plans again (<see cref="EstimatePlanApi.PutFeaturesAsync"/>).</summary>
    [Function("PutEstimateFeatures")]
    public Task<IActionResult> PutFeaturesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ApiRoutes.Features)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.PutFeaturesAsync(request, id, cancellationToken).AsActionResultAsync();

    /// <summary>Records the estimator's acceptance of the plan (<see cref="EstimatePlanApi.AcceptAsync"/>).</summary>
    [Function("AcceptEstimatePlan")]
    public Task<IActionResult> AcceptAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.PlanAccept)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.AcceptAsync(request, id, cancellationToken).AsActionResultAsync();

    /// <summary>Plans the stored features again with the shop's data in use (<see cref="EstimatePlanApi.ReplanAsync"/>).</summary>
    [Function("ReplanEstimatePlan")]
    public Task<IActionResult> ReplanAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.PlanReplan)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.ReplanAsync(request, id, cancellationToken).AsActionResultAsync();
}
