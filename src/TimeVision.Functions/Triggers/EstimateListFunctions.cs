using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TimeVision.Api.Endpoints;
using TimeVision.Api.Handlers;

namespace TimeVision.Functions.Triggers;

/// <summary>The list of documents, soft delete, restore, purge and a page's image and facts: shims over <see cref="EstimateListApi"/>, as <see cref="ApiEndpoints"/> defines them.</summary>
/// <param name="api">The handler.</param>
public sealed class EstimateListFunctions(EstimateListApi api)
{
    /// <summary>One page of the list (<see cref="EstimateListApi.ListAsync"/>).</summary>
    [Function("ListEstimates")]
    public Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Estimates)] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.ListAsync(request, cancellationToken).AsActionResultAsync();

    /// <summary>Soft delete (<see cref="EstimateListApi.DeleteAsync"/>).</summary>
    [Function("DeleteEstimate")]
    public Task<IActionResult> DeleteAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ApiRoutes.Estimate)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.DeleteAsync(request, id, cancellationToken).AsActionResultAsync();

    /// <summary>Restore (<see cref="EstimateListApi.RestoreAsync"/>).</summary>
    [Function("RestoreEstimate")]
    public Task<IActionResult> RestoreAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Restore)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.RestoreAsync(request, id, cancellationToken).AsActionResultAsync();

    /// <summary>The admin's purge (<see cref="EstimateListApi.PurgeAsync"/>).</summary>
    [Function("PurgeEstimate")]
    public Task<IActionResult> PurgeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Purge)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.PurgeAsync(request, id, cancellationToken).AsActionResultAsync();

    /// <summary>A page's image (<see cref="EstimateListApi.ImageAsync"/>).</summary>
    [Function("GetPageImage")]
    public Task<IActionResult> ImageAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.PageImage)] HttpRequest request,
        string id,
        string page,
        CancellationToken cancellationToken) =>
        api.ImageAsync(request, id, page, cancellationToken).AsActionResultAsync();

    /// <summary>A page's facts (<see cref="EstimateListApi.FactsAsync"/>).</summary>
    [Function("GetPageFacts")]
    public Task<IActionResult> FactsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.PageFacts)] HttpRequest request,
        string id,
        string page,
        CancellationToken cancellationToken) =>
        api.FactsAsync(request, id, page, cancellationToken).AsActionResultAsync();
}
