using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TimeVision.Api.Endpoints;
using TimeVision.Api.Handlers;

namespace TimeVision.Functions.Triggers;

/// <summary><c>GET</c> and <c>PUT /api/estimates/{id}/checklist</c>: shims over <see cref="ChecklistApi"/>, as <see cref="ApiEndpoints"/> defines them.</summary>
/// <param name="api">The handler.</param>
public sealed class ChecklistFunctions(ChecklistApi api)
{
    /// <summary>A document's checklist (<see cref="ChecklistApi.GetAsync"/>).</summary>
    [Function("GetChecklist")]
    public Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Checklist)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.GetAsync(request, id, cancellationToken).AsActionResultAsync();

    /// <summary>Ticks or clears one line (<see cref="ChecklistApi.PutAsync"/>).</summary>
    [Function("PutChecklist")]
    public Task<IActionResult> PutAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ApiRoutes.Checklist)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.PutAsync(request, id, cancellationToken).AsActionResultAsync();
}
