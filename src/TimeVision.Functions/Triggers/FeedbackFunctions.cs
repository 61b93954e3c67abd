using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TimeVision.Api.Endpoints;
using TimeVision.Api.Handlers;

namespace TimeVision.Functions.Triggers;

/// <summary><c>PUT /api/estimates/{id}/feedback</c>: a shim over <see cref="FeedbackApi"/>, as <see cref="ApiEndpoints"/> defines it.</summary>
/// <param name="api">The handler.</param>
public sealed class FeedbackFunctions(FeedbackApi api)
{
    /// <summary>Records feedback (<see cref="FeedbackApi.PutAsync"/>).</summary>
    [Function("PutFeedback")]
    public Task<IActionResult> PutAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ApiRoutes.Feedback)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.PutAsync(request, id, cancellationToken).AsActionResultAsync();
}
