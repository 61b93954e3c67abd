namespace TimeVision.Core.Estimating.Pricing.Documents;

/// <summary>The language a printed quote is written in.</summary>
public enum QuoteLanguage
{
    /// <summary>Czech, the default: "Cenová nabídka", amounts as <c>1 234,50 Kč</c>.</summary>
    Czech,

    /// <summary>English: "Quotation", amounts as <c>1,234.50 CZK</c>.</summary>
    English,
}

/// <summary>The languages' codes as a caller gives them: <c>cs</c> and <c>en</c>.</summary>
public static class QuoteLanguages
{
    /// <summary>The code of a language that is not one of <see cref="Codes"/>.</summary>
    public const string InvalidLanguage = "invalid_language";

    /// <summary>The codes taken, in any case.</summary>
    public static IReadOnlyList<string> Codes { get; } = ["cs", "en"];

    /// <summary>The language of <paramref name="code"/> (empty or <see langword="null"/> is Czech), or <see langword="null"/> for another code.</summary>
    /// <param name="code">The code as given.</param>
    public static QuoteLanguage? Parse(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        null or "" or "cs" or "cz" or "cs-cz" => QuoteLanguage.Czech,
        "en" or "en-gb" or "en-us" => QuoteLanguage.English,
        _ => null,
    };
}
