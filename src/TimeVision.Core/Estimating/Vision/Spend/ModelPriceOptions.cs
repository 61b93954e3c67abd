using System.ComponentModel.DataAnnotations;
using TimeVision.Core.Estimating.Estimates;

namespace TimeVision.Core.Estimating.Vision.Spend;

/// <summary>
/// Prices per model for the spend budgets and the evaluation's cost figures, bound from the <c>Evaluation</c> section
/// (where they have always been configured, <c>Evaluation:Prices</c>); each price is
/// checked at start (<see cref="ModelPriceOptionsValidator"/>).
/// </summary>
public sealed class ModelPriceOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Evaluation";

    /// <summary>
    /// USD per million tokens by model id (<c>Evaluation:Prices:gpt-4.1:Input</c>). Defaults are OpenAI's list prices
    /// when this was written; set the shop's own. Fine-tuned ids (<c>ft:…</c>) fall back to <c>ft:&lt;base&gt;</c>.
    /// </summary>
    public Dictionary<string, ModelPrice> Prices { get; } = new(StringComparer.Ordinal)
    {
        ["gpt-4o-2024-08-06"] = new() { Input = 2.50, Output = 10.00 },
        ["gpt-4o"] = new() { Input = 2.50, Output = 10.00 },
        ["gpt-4.1"] = new() { Input = 2.00, Output = 8.00 },
        ["gpt-4.1-mini"] = new() { Input = 0.40, Output = 1.60 },
        ["ft:gpt-4o-2024-08-06"] = new() { Input = 3.75, Output = 15.00 },
        ["offline"] = new() { Input = 0, Output = 0 },
        ["history"] = new() { Input = 0, Output = 0 },
    };

    /// <summary>The price of <paramref name="model"/>, or <see langword="null"/> when none is configured.</summary>
    public ModelPrice? PriceOf(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (Prices.TryGetValue(model, out var price))
        {
            return price;
        }

        return ModelIds.IsFineTuned(model) && model.Split(':') is [_, var baseModel, ..] && Prices.TryGetValue($"ft:{baseModel}", out var ft) ? ft : null;
    }
}

/// <summary>USD per million tokens.</summary>
public sealed class ModelPrice
{
    /// <summary>The highest price taken as meant: anything above is a typo (or a price per thousand tokens).</summary>
    public const double MaxUsdPerMillionTokens = 1000;

    /// <summary>Input (prompt and image) tokens.</summary>
    [Range(0, MaxUsdPerMillionTokens)]
    public double Input { get; set; }

    /// <summary>Output tokens.</summary>
    [Range(0, MaxUsdPerMillionTokens)]
    public double Output { get; set; }

    /// <summary>The cost of a call.</summary>
    public double Cost(long inputTokens, long outputTokens) => ((inputTokens * Input) + (outputTokens * Output)) / 1_000_000;
}
