namespace TimeVision.Core.Estimating.Pricing.Documents;

/// <summary>Who a printed quote is for and how it is written: the customer, their request number, the language, and for a frozen quote its number and date.</summary>
public sealed record QuoteLetter
{
    /// <summary>The longest customer name or request number taken.</summary>
    public const int MaxFieldLength = 200;

    /// <summary>The customer, as the offer addresses them.</summary>
    public string? Customer { get; init; }

    /// <summary>The customer's request (inquiry) number.</summary>
    public string? RequestNumber { get; init; }

    /// <summary>The language.</summary>
    public QuoteLanguage Language { get; init; } = QuoteLanguage.Czech;

    /// <summary>A frozen quote's number, printed in the title.</summary>
    public int? QuoteNumber { get; init; }

    /// <summary>The offer's date; <see langword="null"/> for today (a frozen quote is dated the day it was frozen).</summary>
    public DateOnly? IssuedOn { get; init; }

    /// <summary>Why the customer or request number cannot be printed (too long, or holding control characters), or <see langword="null"/>.</summary>
    public string? Check()
    {
        foreach (var (name, value) in new[] { ("customer", Customer), ("request number", RequestNumber) })
        {
            if (value is { Length: > MaxFieldLength })
            {
                return $"The {name} is longer than {MaxFieldLength} characters.";
            }

            if (value is not null && value.Any(char.IsControl))
            {
                return $"The {name} holds a control character (a line break or tab).";
            }
        }

        return null;
    }
}
