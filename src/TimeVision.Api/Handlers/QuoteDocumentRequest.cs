using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using TimeVision.Api.Endpoints;
using TimeVision.Api.Http;
using TimeVision.Core.Estimating.Pricing;
using TimeVision.Core.Estimating.Pricing.Documents;

namespace TimeVision.Api.Handlers;

/// <summary>
/// How <c>GET /api/estimates/{id}/quote</c> and <c>GET …/quotes/{quoteId}</c> answer, by the request's <c>Accept</c>:
/// JSON (the default), the ERP's CSV (<c>text/csv</c>; <c>?dialect=czech</c> for semicolons and decimal commas) or the
/// PDF offer (<c>application/pdf</c>; <c>?lang=en</c>, <c>?customer=</c>, <c>?requestNumber=</c>). Of several types, the
/// one with the highest quality wins; a type none of these matches gets JSON.
/// </summary>
/// <param name="Format">JSON, CSV or PDF.</param>
/// <param name="Dialect">The CSV's dialect.</param>
/// <param name="Letter">Who the PDF is for, in which language.</param>
internal sealed record QuoteDocumentRequest(QuoteDocumentRequest.Kind Format, QuoteCsvDialect Dialect, QuoteLetter Letter)
{
    /// <summary>The answer's media type.</summary>
    public enum Kind
    {
        /// <summary>The quote's JSON contract.</summary>
        Json,

        /// <summary>The ERP's CSV.</summary>
        Csv,

        /// <summary>The PDF offer.</summary>
        Pdf,
    }

    /// <summary>The request's format and options, or the 400 of a bad one.</summary>
    public static (QuoteDocumentRequest? Request, JsonHttpResult<ApiErrorBody>? Error) Read(HttpRequest request)
    {
        var query = request.Query;
        if (QuoteCsvDialects.Parse(query["dialect"].FirstOrDefault()) is not { } dialect)
        {
            return (null, ApiError.Json(StatusCodes.Status400BadRequest, QuoteCsvDialects.InvalidDialect, $"dialect must be {string.Join(" or ", QuoteCsvDialects.Names)}."));
        }

        if (QuoteLanguages.Parse(query["lang"].FirstOrDefault()) is not { } language)
        {
            return (null, ApiError.Json(StatusCodes.Status400BadRequest, QuoteLanguages.InvalidLanguage, $"lang must be {string.Join(" or ", QuoteLanguages.Codes)}."));
        }

        var letter = new QuoteLetter { Customer = query["customer"].FirstOrDefault(), RequestNumber = query["requestNumber"].FirstOrDefault(), Language = language };
        return letter.Check() is { } why
            ? (null, ApiError.Json(StatusCodes.Status400BadRequest, "invalid_letter", why))
            : (new QuoteDocumentRequest(Negotiate(request), dialect, letter), null);
    }

    /// <summary>The quote in the format asked for: <paramref name="json"/> for JSON, else the CSV or PDF as a file to save.</summary>
    public async Task<Results<JsonHttpResult<T>, FileContentHttpResult, JsonHttpResult<ApiErrorBody>>> AnswerAsync<T>(
        QuoteDocuments documents, Quote quote, FrozenQuote? frozen, JsonHttpResult<T> json, CancellationToken cancellationToken)
    {
        var name = $"quote-{quote.DocumentId[..Math.Min(12, quote.DocumentId.Length)]}{(frozen is null ? string.Empty : $"-{frozen.Id}")}";
        switch (Format)
        {
            case Kind.Pdf:
                var pdf = frozen is null ? documents.Pdf(quote, Letter) : documents.Pdf(frozen, Letter);
                return TypedResults.File(pdf, MediaTypes.Pdf, $"{name}.pdf");
            case Kind.Csv:
                using (var csv = new MemoryStream())
                {
                    await QuoteCsv.WriteAsync(csv, quote, Dialect, cancellationToken);
                    return TypedResults.File(csv.ToArray(), $"{MediaTypes.Csv}; charset=utf-8", $"{name}.csv");
                }

            default:
                return json;
        }
    }

    private static Kind Negotiate(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().Accept;
        foreach (var type in accepted.OrderByDescending(a => a.Quality ?? 1))
        {
            if (type.MediaType.Equals(MediaTypes.Pdf, StringComparison.OrdinalIgnoreCase))
            {
                return Kind.Pdf;
            }

            if (type.MediaType.Equals(MediaTypes.Csv, StringComparison.OrdinalIgnoreCase))
            {
                return Kind.Csv;
            }

            if (type.MediaType.Equals(MediaTypes.Json, StringComparison.OrdinalIgnoreCase) || type.MatchesAllTypes || type.MatchesAllSubTypes)
            {
                return Kind.Json;
            }
        }

        return Kind.Json;
    }
}
