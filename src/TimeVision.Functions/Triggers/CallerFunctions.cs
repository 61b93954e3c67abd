using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TimeVision.Api.Endpoints;
using TimeVision.Api.Handlers;

namespace TimeVision.Functions.Triggers;

/// <summary><c>GET /api/caller</c>: a shim over <see cref="CallerApi"/>, as <see cref="ApiEndpoints"/> defines it.</summary>
public static class CallerFunctions
{
    /// <summary>What the caller may do (<see cref="CallerApi.Get"/>).</summary>
    [Function("GetCaller")]
    public static IActionResult Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Caller)] HttpRequest request) =>
        CallerApi.Get(request).AsActionResult();
}
