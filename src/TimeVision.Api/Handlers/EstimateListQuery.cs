using System.Globalization;
using Microsoft.AspNetCore.Http;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Listing;
using TimeVision.Core.Json;

namespace TimeVision.Api.Handlers;

/// <summary>Reads <c>GET /api/estimates</c>'s query string into an <see cref="EstimateQuery"/>.</summary>
internal static class EstimateListQuery
{
    private const string Blocked = "blocked";

    /// <summary>The query, or what is wrong with it (and <paramref name="query"/> <see langword="null"/>).</summary>
    public static string? Read(IQueryCollection values, out EstimateQuery? query)
    {
        query = null;
        DocumentStatus? status = null;
        var blocked = false;
        if (Value(values, "status") is { } statusText)
        {
            // "blocked" is not how a document ended but a page the model refused: any document with one.
            blocked = string.Equals(statusText, Blocked, StringComparison.OrdinalIgnoreCase);
            status = Enum.GetValues<DocumentStatus>().Cast<DocumentStatus?>().FirstOrDefault(s => string.Equals(JsonCode.Of(s!.Value), statusText, StringComparison.OrdinalIgnoreCase));
            if (status is null && !blocked)
            {
                return $"status must be one of {string.Join(", ", Enum.GetValues<DocumentStatus>().Select(s => JsonCode.Of(s)))}, {Blocked}.";
            }
        }

        if (!TryDate(values, "from", endOfDay: false, out var from) || !TryDate(values, "to", endOfDay: true, out var to))
        {
            return "from and to must be dates (2026-11-30) or moments (2026-11-30T08:00:00Z).";
        }

        var pageSize = EstimateQuery.DefaultPageSize;
        if (Value(values, "pageSize") is { } sizeText
            && (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > EstimateQuery.MaxPageSize))
        {
            return $"pageSize must be a whole number from 1 to {EstimateQuery.MaxPageSize}.";
        }

        ListCursor? after = null;
        if (Value(values, "continuationToken") is { } token && !ListCursor.TryParse(token, out after))
        {
            return "continuationToken is not one this list gave out.";
        }

        query = new EstimateQuery
        {
            Status = status,
            Blocked = blocked,
            Model = Value(values, "model"),
            Text = Value(values, "q"),
            From = from,
            To = to,
            Deleted = string.Equals(Value(values, "deleted"), "true", StringComparison.OrdinalIgnoreCase),
            PageSize = pageSize,
            After = after,
        };
        return null;
    }

    private static string? Value(IQueryCollection values, string name) =>
        values[name].FirstOrDefault() is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    /// <summary>A date alone means its whole day: from its start, to the start of the next day.</summary>
    private static bool TryDate(IQueryCollection values, string name, bool endOfDay, out DateTimeOffset? moment)
    {
        moment = null;
        if (Value(values, name) is not { } text)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            moment = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(endOfDay ? 1 : 0);
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            moment = parsed;
            return true;
        }

        return false;
    }
}
