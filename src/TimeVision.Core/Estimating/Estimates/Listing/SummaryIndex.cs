using System.Globalization;

namespace TimeVision.Core.Estimating.Estimates.Listing;

/// <summary>
/// The layout of the list's index in Cosmos DB: one summary item per document in the partition of the month it was
/// started in (<c>summary|2026-11</c>), and one item per month that has any in <see cref="MonthsPartition"/>, so the list
/// walks months backwards without a cross-partition query.
/// </summary>
public static class SummaryIndex
{
    /// <summary>The partition that lists the months holding summaries.</summary>
    public const string MonthsPartition = "_summary-months";

    /// <summary>A moment's month key, <c>yyyy-MM</c> in UTC.</summary>
    /// <param name="at">The moment.</param>
    public static string Month(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The partition of a month's summaries.</summary>
    /// <param name="month">The month key.</param>
    public static string Partition(string month) => $"summary|{month}";

    /// <summary>Whether a month can hold rows the query asks for (its date range and where the previous page ended).</summary>
    /// <param name="month">The month key.</param>
    /// <param name="query">The query.</param>
    public static bool MayHold(string month, EstimateQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var newest = new[] { query.To?.AddTicks(-1), query.After?.CreatedAt }.OfType<DateTimeOffset>().DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
        return string.CompareOrdinal(month, Month(newest)) <= 0
            && (query.From is not { } from || string.CompareOrdinal(month, Month(from)) >= 0);
    }
}
