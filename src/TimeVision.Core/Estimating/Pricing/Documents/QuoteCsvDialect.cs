using System.Globalization;

namespace TimeVision.Core.Estimating.Pricing.Documents;

/// <summary>How a quote's CSV separates fields and writes decimals.</summary>
public enum QuoteCsvDialect
{
    /// <summary>Comma between fields, decimal point (RFC 4180; what an ERP import expects).</summary>
    Standard,

    /// <summary>Semicolon between fields, decimal comma, UTF-8 with a byte-order mark: what Czech Excel opens as columns.</summary>
    Czech,
}

/// <summary>The dialects' names as a caller gives them: <c>standard</c> and <c>czech</c>.</summary>
public static class QuoteCsvDialects
{
    /// <summary>The code of a dialect name that is not one of <see cref="Names"/>.</summary>
    public const string InvalidDialect = "invalid_csv_dialect";

    /// <summary>The names taken, in any case.</summary>
    public static IReadOnlyList<string> Names { get; } = ["standard", "czech"];

    /// <summary>The dialect named <paramref name="name"/> (empty or <see langword="null"/> is <see cref="QuoteCsvDialect.Standard"/>), or <see langword="null"/> for another name.</summary>
    /// <param name="name">The name as given.</param>
    public static QuoteCsvDialect? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "standard" => QuoteCsvDialect.Standard,
        "czech" or "cs" => QuoteCsvDialect.Czech,
        _ => null,
    };

    /// <summary>The numbers' format in <paramref name="dialect"/>: invariant, with a decimal comma for Czech.</summary>
    /// <param name="dialect">The dialect.</param>
    internal static NumberFormatInfo Numbers(QuoteCsvDialect dialect) => dialect == QuoteCsvDialect.Czech ? CzechNumbers : NumberFormatInfo.InvariantInfo;

    private static readonly NumberFormatInfo CzechNumbers = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = " " };
}
