using System.Buffers.Text;
using System.Text.Json;

namespace TimeVision.Core.Estimating.Estimates.Listing;

/// <summary>
/// Where a page of the list ended: the last row's start time and id. The list is ordered newest first, then by id,
/// so the next page is every row after this one in that order, whatever was added or deleted in between. On the wire it
/// is an opaque continuation token (base64url JSON).
/// </summary>
/// <param name="CreatedAt">The last row's start time.</param>
/// <param name="Id">The last row's id.</param>
public sealed record ListCursor(DateTimeOffset CreatedAt, string Id)
{
    /// <summary>Newest first, then by id: the list's order.</summary>
    public static IComparer<EstimateSummary> NewestFirst { get; } = Comparer<EstimateSummary>.Create(Compare);

    /// <summary>The cursor after <paramref name="summary"/>.</summary>
    /// <param name="summary">The last row of a page.</param>
    public static ListCursor After(EstimateSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new(summary.CreatedAt, summary.Id);
    }

    /// <summary>Whether <paramref name="summary"/> comes after this cursor in the list's order.</summary>
    /// <param name="summary">A row.</param>
    public bool IsBefore(EstimateSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var byTime = summary.CreatedAt.CompareTo(CreatedAt);
        return byTime < 0 || (byTime == 0 && string.CompareOrdinal(summary.Id, Id) > 0);
    }

    /// <summary>The continuation token.</summary>
    public string ToToken() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this, JsonSerializerOptions.Web));

    /// <summary>Reads a continuation token; <see langword="false"/> when it is not one this app made.</summary>
    /// <param name="token">The token.</param>
    /// <param name="cursor">The cursor it holds.</param>
    public static bool TryParse(string? token, out ListCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrWhiteSpace(token) || token.Length > 512 || !Base64Url.IsValid(token))
        {
            return false;
        }

        try
        {
            cursor = JsonSerializer.Deserialize<ListCursor>(Base64Url.DecodeFromChars(token), JsonSerializerOptions.Web);
            return cursor is { Id.Length: > 0 };
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static int Compare(EstimateSummary? left, EstimateSummary? right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var byTime = right.CreatedAt.CompareTo(left.CreatedAt);
        return byTime != 0 ? byTime : string.CompareOrdinal(left.Id, right.Id);
    }
}
