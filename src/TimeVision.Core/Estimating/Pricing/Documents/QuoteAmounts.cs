using System.Globalization;

namespace TimeVision.Core.Estimating.Pricing.Documents;

/// <summary>Amounts and dates as a printed quote shows them: Czech <c>1 234,50 Kč</c> and <c>7. 12. 2026</c>, English <c>1,234.50 CZK</c> and <c>7 December 2026</c>.</summary>
public static class QuoteAmounts
{
    private static readonly NumberFormatInfo Czech = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = " ", NegativeSign = "-" };

    /// <summary><paramref name="amount"/> rounded to 0.01 with its currency (<c>Kč</c> for CZK in Czech, else the code).</summary>
    /// <param name="amount">The amount, unrounded.</param>
    /// <param name="currency">The ISO currency code.</param>
    /// <param name="language">The language.</param>
    public static string Money(decimal amount, string currency, QuoteLanguage language)
    {
        var rounded = Math.Round(amount, 2, MidpointRounding.AwayFromZero);
        return language == QuoteLanguage.Czech
            ? $"{rounded.ToString("#,0.00", Czech)} {(currency == "CZK" ? "Kč" : currency)}"
            : $"{rounded.ToString("#,0.00", CultureInfo.InvariantCulture)} {currency}";
    }

    /// <summary>A date as the language writes it.</summary>
    /// <param name="date">The date.</param>
    /// <param name="language">The language.</param>
    public static string Date(DateOnly date, QuoteLanguage language) =>
        date.ToString(language == QuoteLanguage.Czech ? "d. M. yyyy" : "d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A percentage: <c>21 %</c> in Czech, <c>21%</c> in English.</summary>
    /// <param name="percent">The percentage.</param>
    /// <param name="language">The language.</param>
    public static string Percent(decimal percent, QuoteLanguage language) => language == QuoteLanguage.Czech
        ? $"{percent.ToString("0.##", Czech)} %"
        : $"{percent.ToString("0.##", CultureInfo.InvariantCulture)}%";
}
