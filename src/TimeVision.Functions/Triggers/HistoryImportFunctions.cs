using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using TimeVision.Api.Endpoints;
using TimeVision.Api.Handlers;

namespace TimeVision.Functions.Triggers;

/// <summary>The admin's history import: shims over <see cref="HistoryImportApi"/>, as <see cref="ApiEndpoints"/> defines them.</summary>
/// <param name="api">The handler.</param>
public sealed class HistoryImportFunctions(HistoryImportApi api)
{
    /// <summary>Schedules or finds an import (<see cref="HistoryImportApi.StartAsync"/>).</summary>
    [Function("StartHistoryImport")]
    public Task<IActionResult> StartAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.HistoryImports)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        api.StartAsync(request, client, cancellationToken).AsActionResultAsync();

    /// <summary>An import's status (<see cref="HistoryImportApi.GetAsync"/>).</summary>
    [Function("GetHistoryImport")]
    public Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.HistoryImport)] HttpRequest request,
        string importId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        api.GetAsync(request, importId, client, cancellationToken).AsActionResultAsync();
}
