using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TimeVision.Api.Endpoints;
using TimeVision.Api.Handlers;

namespace TimeVision.Functions.Triggers;

/// <summary>The shop's cutting data: shims over <see cref="CuttingDataApi"/>, as <see cref="ApiEndpoints"/> defines them.</summary>
/// <param name="api">The handler.</param>
public sealed class CuttingDataFunctions(CuttingDataApi api)
{
    /// <summary>The cutting data in use (<see cref="CuttingDataApi.GetAsync"/>).</summary>
    [Function("GetCuttingData")]
    public Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.CuttingData)] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.GetAsync(request, cancellationToken).AsActionResultAsync();

    /// <summary>Stores a new version of the override (<see cref="CuttingDataApi.PutAsync"/>).</summary>
    [Function("PutCuttingData")]
    public Task<IActionResult> PutAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ApiRoutes.CuttingData)] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.PutAsync(request, cancellationToken).AsActionResultAsync();

    /// <summary>Goes back to the shipped cutting data as a new version (<see cref="CuttingDataApi.DeleteAsync"/>).</summary>
    [Function("DeleteCuttingData")]
    public Task<IActionResult> DeleteAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ApiRoutes.CuttingData)] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.DeleteAsync(request, cancellationToken).AsActionResultAsync();
}
