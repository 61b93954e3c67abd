using System.Globalization;

namespace TimeVision.Core.Estimating.Pricing;

/// <summary>What a quote is asked for: the batch quantities and any outsourced operations.</summary>
public sealed record QuoteRequest
{
    /// <summary>The largest batch quantity taken.</summary>
    public const int MaxQuantity = 1_000_000;

    /// <summary>The most quantities one quote takes.</summary>
    public const int MaxQuantities = 20;

    /// <summary>The shop's quantity breaks, used when none are given (../shared/shop-data.md §6).</summary>
    public static readonly IReadOnlyList<int> DefaultQuantities = [1, 10, 50, 100, 500];

    /// <summary>The batch quantities, each once, in the order given.</summary>
    public IReadOnlyList<int> Quantities { get; init; } = DefaultQuantities;

    /// <summary>Outsourced operations, priced per piece.</summary>
    public IReadOnlyList<CooperationLine> Cooperation { get; init; } = [];

    /// <summary>
    /// Reads <c>1,10,50</c> (commas, spaces or semicolons between) into quantities, or says why not: each a whole
    /// number from 1 to <see cref="MaxQuantity"/>, at most <see cref="MaxQuantities"/>, none twice.
    /// </summary>
    /// <param name="text">The list as typed.</param>
    /// <param name="quantities">The quantities, when read.</param>
    /// <returns>Why not, or <see langword="null"/>.</returns>
    public static string? TryParseQuantities(string? text, out IReadOnlyList<int> quantities)
    {
        quantities = [];
        var parts = (text ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var read = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var q))
            {
                return $"'{Shown(part)}' is not a whole number of pieces.";
            }

            read.Add(q);
        }

        quantities = read;
        return CheckQuantities(read);
    }

    /// <summary>Why <paramref name="quantities"/> cannot be quoted, or <see langword="null"/>.</summary>
    /// <param name="quantities">The batch quantities.</param>
    public static string? CheckQuantities(IReadOnlyList<int>? quantities)
    {
        if (quantities is null || quantities.Count == 0)
        {
            return "Give at least one batch quantity, e.g. 1,10,50,100,500.";
        }

        if (quantities.Count > MaxQuantities)
        {
            return string.Create(CultureInfo.InvariantCulture, $"At most {MaxQuantities} quantities, not {quantities.Count}.");
        }

        if (quantities.Select(q => (int?)q).FirstOrDefault(q => q is < 1 or > MaxQuantity) is { } bad)
        {
            return string.Create(CultureInfo.InvariantCulture, $"A batch is 1 to {MaxQuantity:N0} pieces, not {bad}.");
        }

        return quantities.Distinct().Count() != quantities.Count ? "A quantity is listed twice." : null;
    }

    /// <summary>Why <paramref name="lines"/> cannot be priced, or <see langword="null"/>.</summary>
    /// <param name="lines">The cooperation lines.</param>
    public static string? CheckCooperation(IReadOnlyList<CooperationLine>? lines)
    {
        if (lines is null)
        {
            return null;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"$.cooperation[{i}]");
            if (line is null || string.IsNullOrWhiteSpace(line.Name))
            {
                return $"field {at}.name: say what is outsourced.";
            }

            if (line.PricePerPiece < 0 || line.MinPrice < 0)
            {
                return $"field {at}: pricePerPiece and minPrice must be at least 0.";
            }
        }

        return null;
    }

    private static string Shown(string text) => text.Length > 20 ? text[..20] + "…" : text;
}
