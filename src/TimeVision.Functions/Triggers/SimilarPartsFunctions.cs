using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TimeVision.Api.Endpoints;
using TimeVision.Api.Handlers;

namespace TimeVision.Functions.Triggers;

/// <summary><c>GET /api/estimates/{id}/similar</c>: a shim over <see cref="SimilarPartsApi"/>, as <see cref="ApiEndpoints"/> defines it.</summary>
/// <param name="api">The handler.</param>
public sealed class SimilarPartsFunctions(SimilarPartsApi api)
{
    /// <summary>The similar past parts (<see cref="SimilarPartsApi.GetAsync"/>).</summary>
    [Function("GetSimilarParts")]
    public Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Similar)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.GetAsync(request, id, cancellationToken).AsActionResultAsync();
}
