using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using TimeVision.Api.Endpoints;
using TimeVision.Api.Handlers;

namespace TimeVision.Functions.Triggers;

/// <summary>The estimator's page and its files: shims over <see cref="WebPage"/>, as <see cref="ApiEndpoints"/> defines them.</summary>
public static class WebPageFunctions
{
    /// <summary>The page.</summary>
    [Function("WebIndex")]
    public static IActionResult Index([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.PageIndex)] HttpRequest request) => WebPage.Index().AsActionResult();

    /// <summary>The page, opening one document.</summary>
    [Function("WebDocument")]
    public static IActionResult Document([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.PageDocument)] HttpRequest request) => WebPage.Document().AsActionResult();

    /// <summary>The page, opening the admin's rates and work centres.</summary>
    [Function("WebRates")]
    public static IActionResult Rates([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.PageRates)] HttpRequest request) => WebPage.Rates().AsActionResult();

    /// <summary>A file of the page.</summary>
    [Function("WebAsset")]
    public static IActionResult Asset([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.PageAsset)] HttpRequest request, string name) => WebPage.Asset(name).AsActionResult();
}
