using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TimeVision.Api.Endpoints;
using TimeVision.Api.Handlers;

namespace TimeVision.Functions.Triggers;

/// <summary><c>GET /api/training/export</c>: a shim over <see cref="TrainingExportApi"/>, as <see cref="ApiEndpoints"/> defines it.</summary>
/// <param name="api">The handler.</param>
public sealed class TrainingExportFunctions(TrainingExportApi api)
{
    /// <summary>Streams the export (<see cref="TrainingExportApi.GetAsync"/>).</summary>
    [Function("ExportTraining")]
    public Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.TrainingExport)] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.GetAsync(request, cancellationToken).AsActionResultAsync();
}
