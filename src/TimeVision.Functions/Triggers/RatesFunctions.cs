using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TimeVision.Api.Endpoints;
using TimeVision.Api.Handlers;

namespace TimeVision.Functions.Triggers;

/// <summary>The shop's rates: shims over <see cref="RatesApi"/>, as <see cref="ApiEndpoints"/> defines them.</summary>
/// <param name="api">The handler.</param>
public sealed class RatesFunctions(RatesApi api)
{
    /// <summary>The rates in use (<see cref="RatesApi.GetAsync"/>).</summary>
    [Function("GetRates")]
    public Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Rates)] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.GetAsync(request, cancellationToken).AsActionResultAsync();

    /// <summary>Stores a new version of the rates (<see cref="RatesApi.PutAsync"/>).</summary>
    [Function("PutRates")]
    public Task<IActionResult> PutAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ApiRoutes.Rates)] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.PutAsync(request, cancellationToken).AsActionResultAsync();
}
