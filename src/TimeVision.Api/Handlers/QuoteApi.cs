using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using TimeVision.Api.Access;
using TimeVision.Api.Http;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Pricing;
using TimeVision.Core.Estimating.Pricing.Documents;
using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Api.Handlers;

/// <summary>
/// A stored estimate's price (<see cref="EstimateQuotes"/>, as <c>timevision quote</c>): <c>GET
/// /api/estimates/{id}/quote?qty=1,10,50</c> prices it with the rates in use; <c>POST /api/estimates/{id}/quotes</c>
/// freezes a quote as a price set; <c>GET /api/estimates/{id}/quotes</c> lists the frozen ones and <c>GET
/// /api/estimates/{id}/quotes/{quoteId}</c> answers one as it was frozen. Both GETs answer JSON, the ERP's CSV
/// (<c>Accept: text/csv</c>) or the PDF offer (<c>Accept: application/pdf</c>), as <see cref="QuoteDocumentRequest"/> reads the request.
/// </summary>
/// <param name="quotes">Quotes and frozen quotes.</param>
/// <param name="documents">The PDF offer.</param>
/// <param name="logger">Logs what callers are not shown, under their correlation id.</param>
public sealed class QuoteApi(EstimateQuotes quotes, QuoteDocuments documents, ILogger<QuoteApi> logger)
{
    /// <summary>The largest freeze body taken.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>
    /// 200 with the quote as JSON, CSV or PDF (<see cref="QuoteDocumentRequest"/>); 400 <c>invalid_quantities</c>,
    /// <c>invalid_language</c>, <c>invalid_csv_dialect</c> or <c>invalid_letter</c>; 404 <c>not_found</c> or
    /// <c>no_plan</c>; 422 <c>rates_missing</c> (naming each), <c>no_stock</c> or <c>no_material_group</c>; 503.
    /// </summary>
    public Task<Results<JsonHttpResult<Quote>, FileContentHttpResult, JsonHttpResult<ApiErrorBody>>> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!DocumentId.TryParse(id, out var documentId))
        {
            return Task.FromResult<Results<JsonHttpResult<Quote>, FileContentHttpResult, JsonHttpResult<ApiErrorBody>>>(ApiError.NoSuchDocument(id));
        }

        var quantities = QuoteRequest.DefaultQuantities;
        if (request.Query["qty"].FirstOrDefault() is { } text && QuoteRequest.TryParseQuantities(text, out quantities) is { } bad)
        {
            return Task.FromResult<Results<JsonHttpResult<Quote>, FileContentHttpResult, JsonHttpResult<ApiErrorBody>>>(
                ApiError.Json(StatusCodes.Status400BadRequest, QuoteProblem.InvalidQuantities, $"qty: {bad}"));
        }

        var (format, invalid) = QuoteDocumentRequest.Read(request);
        if (format is null)
        {
            return Task.FromResult<Results<JsonHttpResult<Quote>, FileContentHttpResult, JsonHttpResult<ApiErrorBody>>>(invalid!);
        }

        return StorageOutageAnswer.UnlessStorageIsDownAsync<JsonHttpResult<Quote>, FileContentHttpResult>(logger, nameof(QuoteApi), async () =>
        {
            var quoted = await quotes.QuoteAsync(documentId.Value, new QuoteRequest { Quantities = quantities }, null, cancellationToken);
            return quoted.Quote is { } quote
                ? await format.AnswerAsync(documents, quote, null, TypedResults.Json(quote, PlanningJson.Options), cancellationToken)
                : Refusal(quoted.Problem!);
        });
    }

    /// <summary>
    /// 201 with the frozen quote and its <c>Location</c>; the body <c>{"quantities": [...], "cooperation": [...]}</c>
    /// (both may be left out), who froze it as <c>?enteredBy=</c> (<see cref="GivenName"/>); 400 <c>invalid_quote_request</c>, <c>invalid_quantities</c> or <c>invalid_cooperation</c>;
    /// otherwise as <see cref="GetAsync"/>.
    /// </summary>
    public async Task<Results<JsonHttpResult<FrozenQuote>, JsonHttpResult<ApiErrorBody>>> FreezeAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!DocumentId.TryParse(id, out var documentId))
        {
            return ApiError.NoSuchDocument(id);
        }

        if (await RequestBody.ReadAtMostAsync(request, MaxBodyBytes, cancellationToken) is not { } json)
        {
            return ApiError.Json(StatusCodes.Status413PayloadTooLarge, "quote_request_too_large", $"The quote request is larger than {MaxBodyBytes / 1024} KB.");
        }

        var read = json.Length == 0 ? InputFileResult<QuoteRequest>.Success(new QuoteRequest()) : JsonInputFile.Parse<QuoteRequest>(Encoding.UTF8.GetString(json), "quote request", _ => null);
        if (read.Value is null)
        {
            return ApiError.Json(StatusCodes.Status400BadRequest, "invalid_quote_request", read.Error!.Message);
        }

        var by = GivenName.EnteredBy(request);
        return await StorageOutageAnswer.UnlessStorageIsDownAsync<JsonHttpResult<FrozenQuote>>(logger, nameof(QuoteApi), async () =>
        {
            var frozen = await quotes.FreezeAsync(documentId.Value, read.Value, null, by, cancellationToken);
            if (frozen.Quote is not { } quote)
            {
                return Refusal(frozen.Problem!);
            }

            request.HttpContext.Response.Headers.Location = string.Create(CultureInfo.InvariantCulture, $"/api/estimates/{quote.DocumentId}/quotes/{quote.Id}");
            return TypedResults.Json(quote, PlanningJson.Options, statusCode: StatusCodes.Status201Created);
        });
    }

    /// <summary>200 with the estimate's frozen quotes, oldest first, each with what it supersedes and what superseded it; 404 for an unknown estimate.</summary>
    public Task<Results<JsonHttpResult<FrozenQuoteList>, JsonHttpResult<ApiErrorBody>>> ListAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return StorageOutageAnswer.UnlessStorageIsDownAsync<JsonHttpResult<FrozenQuoteList>>(logger, nameof(QuoteApi), async () =>
            await quotes.ListAsync(id, cancellationToken) is { } list
                ? TypedResults.Json(new FrozenQuoteList([.. list.Select(FrozenQuoteSummary.Of)]), PlanningJson.Options)
                : ApiError.NoSuchDocument(id));
    }

    /// <summary>
    /// 200 with the frozen quote as it was frozen (and what superseded it), as JSON, or its CSV or PDF (numbered, dated
    /// the day it was frozen; <see cref="QuoteDocumentRequest"/>); 404 <c>not_found</c> when the estimate or the quote is unknown.
    /// </summary>
    public Task<Results<JsonHttpResult<FrozenQuote>, FileContentHttpResult, JsonHttpResult<ApiErrorBody>>> GetFrozenAsync(
        HttpRequest request, string id, string quoteId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (format, invalid) = QuoteDocumentRequest.Read(request);
        if (!DocumentId.TryParse(id, out var documentId) || format is null)
        {
            return Task.FromResult<Results<JsonHttpResult<FrozenQuote>, FileContentHttpResult, JsonHttpResult<ApiErrorBody>>>(invalid ?? ApiError.NoSuchDocument(id));
        }

        return StorageOutageAnswer.UnlessStorageIsDownAsync<JsonHttpResult<FrozenQuote>, FileContentHttpResult>(logger, nameof(QuoteApi), async () =>
            int.TryParse(quoteId, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && await quotes.GetAsync(documentId.Value, number, cancellationToken) is { } quote
                ? await format.AnswerAsync(documents, quote.Quote, quote, TypedResults.Json(quote, PlanningJson.Options), cancellationToken)
                : ApiError.Json(StatusCodes.Status404NotFound, "not_found", "The estimate has no frozen quote with that id: ids are 1, 2, … in the order they were frozen."));
    }

    /// <summary>A quote's problem as its status: 404 for an unknown estimate or one without a plan, 400 for bad input, 503 for unreadable rates, else 422.</summary>
    private static JsonHttpResult<ApiErrorBody> Refusal(QuoteProblem problem) => ApiError.Json(
        problem.Code switch
        {
            QuoteProblem.NotFound or QuoteProblem.NoPlan => StatusCodes.Status404NotFound,
            QuoteProblem.InvalidQuantities or QuoteProblem.InvalidCooperation => StatusCodes.Status400BadRequest,
            QuoteProblem.RatesUnavailable => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status422UnprocessableEntity,
        },
        problem.Code,
        problem.Message,
        problem.Params);
}

/// <summary>The 200 of <c>GET /api/estimates/{id}/quotes</c>.</summary>
/// <param name="Items">The estimate's frozen quotes, oldest first.</param>
public sealed record FrozenQuoteList(IReadOnlyList<FrozenQuoteSummary> Items);
