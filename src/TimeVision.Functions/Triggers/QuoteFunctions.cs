using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TimeVision.Api.Endpoints;
using TimeVision.Api.Handlers;

namespace TimeVision.Functions.Triggers;

/// <summary>A document's quote and its frozen quotes: shims over <see cref="QuoteApi"/>, as <see cref="ApiEndpoints"/> defines them.</summary>
/// <param name="api">The handler.</param>
public sealed class QuoteFunctions(QuoteApi api)
{
    /// <summary>The price for batch quantities (<see cref="QuoteApi.GetAsync"/>).</summary>
    [Function("GetEstimateQuote")]
    public Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Quote)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.GetAsync(request, id, cancellationToken).AsActionResultAsync();

    /// <summary>Freezes a quote (<see cref="QuoteApi.FreezeAsync"/>).</summary>
    [Function("FreezeQuote")]
    public Task<IActionResult> FreezeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Quotes)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.FreezeAsync(request, id, cancellationToken).AsActionResultAsync();

    /// <summary>The frozen quotes (<see cref="QuoteApi.ListAsync"/>).</summary>
    [Function("ListQuotes")]
    public Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Quotes)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.ListAsync(request, id, cancellationToken).AsActionResultAsync();

    /// <summary>One frozen quote (<see cref="QuoteApi.GetFrozenAsync"/>).</summary>
    [Function("GetFrozenQuote")]
    public Task<IActionResult> GetFrozenAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.FrozenQuote)] HttpRequest request,
        string id,
        string quoteId,
        CancellationToken cancellationToken) =>
        api.GetFrozenAsync(request, id, quoteId, cancellationToken).AsActionResultAsync();
}
