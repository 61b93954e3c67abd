using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using TimeVision.Api.Endpoints;
using TimeVision.Api.Handlers;

namespace TimeVision.Functions.Triggers;

/// <summary>The admin's fine-tuning routes: shims over <see cref="FineTuneApi"/>, as <see cref="ApiEndpoints"/> defines them.</summary>
/// <param name="api">The handler.</param>
public sealed class FineTuneFunctions(FineTuneApi api)
{
    /// <summary>Schedules or finds a start (<see cref="FineTuneApi.StartAsync"/>).</summary>
    [Function("StartFineTune")]
    public Task<IActionResult> StartAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.FineTuneJobs)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        api.StartAsync(request, client, cancellationToken).AsActionResultAsync();

    /// <summary>A start's status (<see cref="FineTuneApi.GetStartAsync"/>).</summary>
    [Function("GetFineTuneStart")]
    public Task<IActionResult> GetStartAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.FineTuneStart)] HttpRequest request,
        string startId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        api.GetStartAsync(request, startId, client, cancellationToken).AsActionResultAsync();

    /// <summary>The recorded jobs (<see cref="FineTuneApi.ListAsync"/>).</summary>
    [Function("ListFineTuneJobs")]
    public Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.FineTuneJobs)] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.ListAsync(request, cancellationToken).AsActionResultAsync();
}
