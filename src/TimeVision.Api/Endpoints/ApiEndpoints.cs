using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using TimeVision.Api.Handlers;
using Rule = TimeVision.Api.Access.CallerAccess.Rule;

namespace TimeVision.Api.Endpoints;

/// <summary>
/// Every endpoint of the API and the page, the one definition both hosts use: route, methods, handler, who may call it
/// and the body it takes. <c>timevision serve</c> maps this table; the Functions app has one shim per entry (a test
/// checks they agree), and its middleware reads an entry's rule and body type by the function's name.
/// </summary>
public static class ApiEndpoints
{
    private const string Get = "GET";
    private const string Post = "POST";

    /// <summary>Every endpoint.</summary>
    public static IReadOnlyList<ApiEndpoint> All { get; } = [.. Documents(), .. DocumentPages(), .. Pricing(), .. Learning(), .. Models(), .. Page()];

    private static readonly FrozenDictionary<string, ApiEndpoint> ByName = All.ToFrozenDictionary(endpoint => endpoint.Name, StringComparer.Ordinal);

    /// <summary>The endpoint named <paramref name="name"/>, or <see langword="null"/>.</summary>
    /// <param name="name">The endpoint's (the Functions app's function's) name.</param>
    public static ApiEndpoint? Named(string name) => ByName.GetValueOrDefault(name);

    private static IEnumerable<ApiEndpoint> Documents() =>
    [
        new("PostEstimate", ApiRoutes.Estimates, [Post], static ([FromServices] EstimatesApi api, HttpRequest request, [FromServices] DurableTaskClient client, CancellationToken cancellationToken) =>
            api.PostAsync(request, client, cancellationToken), Rule.SignedIn, MediaTypes.Pdf),
        new("GetEstimate", ApiRoutes.Estimate, [Get], static ([FromServices] EstimatesApi api, HttpRequest request, string id, [FromServices] DurableTaskClient client, CancellationToken cancellationToken) =>
            api.GetAsync(request, id, client, cancellationToken), Rule.SignedIn),
        new("RetryEstimate", ApiRoutes.Retry, [Post], static ([FromServices] EstimatesApi api, HttpRequest request, string id, [FromServices] DurableTaskClient client, CancellationToken cancellationToken) =>
            api.RetryAsync(request, id, client, cancellationToken), Rule.SignedIn),
        new("ListEstimates", ApiRoutes.Estimates, [Get], static ([FromServices] EstimateListApi api, HttpRequest request, CancellationToken cancellationToken) =>
            api.ListAsync(request, cancellationToken), Rule.SignedIn),
        new("DeleteEstimate", ApiRoutes.Estimate, ["DELETE"], static ([FromServices] EstimateListApi api, HttpRequest request, string id, CancellationToken cancellationToken) =>
            api.DeleteAsync(request, id, cancellationToken), Rule.SignedIn),
        new("RestoreEstimate", ApiRoutes.Restore, [Post], static ([FromServices] EstimateListApi api, HttpRequest request, string id, CancellationToken cancellationToken) =>
            api.RestoreAsync(request, id, cancellationToken), Rule.SignedIn),
        new("PurgeEstimate", ApiRoutes.Purge, [Post], static ([FromServices] EstimateListApi api, HttpRequest request, string id, CancellationToken cancellationToken) =>
            api.PurgeAsync(request, id, cancellationToken), Rule.Admin),
        new("PutFeedback", ApiRoutes.Feedback, ["PUT"], static ([FromServices] FeedbackApi api, HttpRequest request, string id, CancellationToken cancellationToken) =>
            api.PutAsync(request, id, cancellationToken), Rule.SignedIn, MediaTypes.Json),
        new("GetChecklist", ApiRoutes.Checklist, [Get], static ([FromServices] ChecklistApi api, HttpRequest request, string id, CancellationToken cancellationToken) =>
            api.GetAsync(request, id, cancellationToken), Rule.SignedIn),
        new("PutChecklist", ApiRoutes.Checklist, ["PUT"], static ([FromServices] ChecklistApi api, HttpRequest request, string id, CancellationToken cancellationToken) =>
            api.PutAsync(request, id, cancellationToken), Rule.SignedIn, MediaTypes.Json),
        new("GetEstimatePlan", ApiRoutes.Plan, [Get], static ([FromServices] EstimatePlanApi api, HttpRequest request, string id, CancellationToken cancellationToken) =>
            api.GetAsync(request, id, cancellationToken), Rule.SignedIn),
        new("PutEstimateFeatures", ApiRoutes.Features, ["PUT"], static ([FromServices] EstimatePlanApi api, HttpRequest request, string id, CancellationToken cancellationToken) =>
            api.PutFeaturesAsync(request, id, cancellationToken), Rule.SignedIn, MediaTypes.Json),
        new("AcceptEstimatePlan", ApiRoutes.PlanAccept, [Post], static ([FromServices] EstimatePlanApi api, HttpRequest request, string id, CancellationToken cancellationToken) =>
            api.AcceptAsync(request, id, cancellationToken), Rule.SignedIn),
        new("ReplanEstimatePlan", ApiRoutes.PlanReplan, [Post], static ([FromServices] EstimatePlanApi api, HttpRequest request, string id, CancellationToken cancellationToken) =>
            api.ReplanAsync(request, id, cancellationToken), Rule.SignedIn),
        new("GetSimilarParts", ApiRoutes.Similar, [Get], static ([FromServices] SimilarPartsApi api, HttpRequest request, string id, CancellationToken cancellationToken) =>
            api.GetAsync(request, id, cancellationToken), Rule.SignedIn),
    ];

    private static IEnumerable<ApiEndpoint> DocumentPages() =>
    [
        new("GetPageImage", ApiRoutes.PageImage, [Get], static ([FromServices] EstimateListApi api, HttpRequest request, string id, string page, CancellationToken cancellationToken) =>
            api.ImageAsync(request, id, page, cancellationToken), Rule.SignedIn),
        new("GetPageFacts", ApiRoutes.PageFacts, [Get], static ([FromServices] EstimateListApi api, HttpRequest request, string id, string page, CancellationToken cancellationToken) =>
            api.FactsAsync(request, id, page, cancellationToken), Rule.SignedIn),
    ];

    private static IEnumerable<ApiEndpoint> Pricing() =>
    [
        new("GetEstimateQuote", ApiRoutes.Quote, [Get], static ([FromServices] QuoteApi api, HttpRequest request, string id, CancellationToken cancellationToken) =>
            api.GetAsync(request, id, cancellationToken), Rule.SignedIn),
        new("FreezeQuote", ApiRoutes.Quotes, [Post], static ([FromServices] QuoteApi api, HttpRequest request, string id, CancellationToken cancellationToken) =>
            api.FreezeAsync(request, id, cancellationToken), Rule.SignedIn, MediaTypes.Json),
        new("ListQuotes", ApiRoutes.Quotes, [Get], static ([FromServices] QuoteApi api, HttpRequest request, string id, CancellationToken cancellationToken) =>
            api.ListAsync(request, id, cancellationToken), Rule.SignedIn),
        new("GetFrozenQuote", ApiRoutes.FrozenQuote, [Get], static ([FromServices] QuoteApi api, HttpRequest request, string id, string quoteId, CancellationToken cancellationToken) =>
            api.GetFrozenAsync(request, id, quoteId, cancellationToken), Rule.SignedIn),
        new("GetRates", ApiRoutes.Rates, [Get], static ([FromServices] RatesApi api, HttpRequest request, CancellationToken cancellationToken) =>
            api.GetAsync(request, cancellationToken), Rule.Admin),
        new("PutRates", ApiRoutes.Rates, ["PUT"], static ([FromServices] RatesApi api, HttpRequest request, CancellationToken cancellationToken) =>
            api.PutAsync(request, cancellationToken), Rule.Admin, MediaTypes.Json),
        new("GetCuttingData", ApiRoutes.CuttingData, [Get], static ([FromServices] CuttingDataApi api, HttpRequest request, CancellationToken cancellationToken) =>
            api.GetAsync(request, cancellationToken), Rule.SignedIn),
        new("PutCuttingData", ApiRoutes.CuttingData, ["PUT"], static ([FromServices] CuttingDataApi api, HttpRequest request, CancellationToken cancellationToken) =>
            api.PutAsync(request, cancellationToken), Rule.Admin, MediaTypes.Json),
        new("DeleteCuttingData", ApiRoutes.CuttingData, ["DELETE"], static ([FromServices] CuttingDataApi api, HttpRequest request, CancellationToken cancellationToken) =>
            api.DeleteAsync(request, cancellationToken), Rule.Admin),
    ];

    private static IEnumerable<ApiEndpoint> Learning() =>
    [
        new("ExportTraining", ApiRoutes.TrainingExport, [Get], static ([FromServices] TrainingExportApi api, HttpRequest request, CancellationToken cancellationToken) =>
            api.GetAsync(request, cancellationToken), Rule.Admin),
        new("StartFineTune", ApiRoutes.FineTuneJobs, [Post], static ([FromServices] FineTuneApi api, HttpRequest request, [FromServices] DurableTaskClient client, CancellationToken cancellationToken) =>
            api.StartAsync(request, client, cancellationToken), Rule.Admin, MediaTypes.Json),
        new("GetFineTuneStart", ApiRoutes.FineTuneStart, [Get], static ([FromServices] FineTuneApi api, HttpRequest request, string startId, [FromServices] DurableTaskClient client, CancellationToken cancellationToken) =>
            api.GetStartAsync(request, startId, client, cancellationToken), Rule.Admin),
        new("ListFineTuneJobs", ApiRoutes.FineTuneJobs, [Get], static ([FromServices] FineTuneApi api, HttpRequest request, CancellationToken cancellationToken) =>
            api.ListAsync(request, cancellationToken), Rule.Admin),
        new("StartHistoryImport", ApiRoutes.HistoryImports, [Post], static ([FromServices] HistoryImportApi api, HttpRequest request, [FromServices] DurableTaskClient client, CancellationToken cancellationToken) =>
            api.StartAsync(request, client, cancellationToken), Rule.Admin, MediaTypes.Csv),
        new("GetHistoryImport", ApiRoutes.HistoryImport, [Get], static ([FromServices] HistoryImportApi api, HttpRequest request, string importId, [FromServices] DurableTaskClient client, CancellationToken cancellationToken) =>
            api.GetAsync(request, importId, client, cancellationToken), Rule.Admin),
    ];

    private static IEnumerable<ApiEndpoint> Models() =>
    [
        new("GetCaller", ApiRoutes.Caller, [Get], static (HttpRequest request) => CallerApi.Get(request), Rule.SignedIn),
        new("GetModelInfo", ApiRoutes.ModelInfo, [Get], static ([FromServices] ModelApi api, HttpRequest request, CancellationToken cancellationToken) =>
            api.InfoAsync(request, cancellationToken), Rule.SignedIn),
        new("CheckModel", ApiRoutes.ModelCheck, [Post], static ([FromServices] ModelApi api, HttpRequest request, CancellationToken cancellationToken) =>
            api.CheckAsync(request, cancellationToken), Rule.Admin, MediaTypes.Json),
        new("ActivateModel", ApiRoutes.ModelActivate, [Post], static ([FromServices] ModelApi api, HttpRequest request, CancellationToken cancellationToken) =>
            api.ActivateAsync(request, cancellationToken), Rule.Admin, MediaTypes.Json),
    ];

    private static IEnumerable<ApiEndpoint> Page() =>
    [
        new("WebIndex", ApiRoutes.PageIndex, [Get], static () => WebPage.Index(), Rule.Page),
        new("WebDocument", ApiRoutes.PageDocument, [Get], static () => WebPage.Document(), Rule.Page),
        new("WebRates", ApiRoutes.PageRates, [Get], static () => WebPage.Rates(), Rule.Page),
        new("WebAsset", ApiRoutes.PageAsset, [Get], static (string name) => WebPage.Asset(name), Rule.Page),
    ];
}
