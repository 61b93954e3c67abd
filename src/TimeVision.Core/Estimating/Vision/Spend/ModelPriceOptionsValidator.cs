using System.Globalization;
using Microsoft.Extensions.Options;

namespace TimeVision.Core.Estimating.Vision.Spend;

/// <summary>The rules of <see cref="ModelPriceOptions"/> that attributes on the nested prices cannot enforce: each price in range.</summary>
internal sealed class ModelPriceOptionsValidator : IValidateOptions<ModelPriceOptions>
{
    public ValidateOptionsResult Validate(string? name, ModelPriceOptions options)
    {
        var failures = new List<string>();
        foreach (var (model, price) in options.Prices)
        {
            if (price is null)
            {
                failures.Add($"Evaluation:Prices:{model} has no prices: set its Input and Output, USD per million tokens.");
                continue;
            }

            CheckPrice($"Evaluation:Prices:{model}:Input", price.Input, failures);
            CheckPrice($"Evaluation:Prices:{model}:Output", price.Output, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckPrice(string setting, double usdPerMillionTokens, List<string> failures)
    {
        if (!(usdPerMillionTokens >= 0 && usdPerMillionTokens <= ModelPrice.MaxUsdPerMillionTokens))
        {
            failures.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{setting} must be between 0 and {ModelPrice.MaxUsdPerMillionTokens} USD per million tokens; got {usdPerMillionTokens}."));
        }
    }
}
