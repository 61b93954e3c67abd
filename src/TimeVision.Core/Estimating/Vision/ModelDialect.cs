using System.Globalization;

namespace TimeVision.Core.Estimating.Vision;

/// <summary>
/// How one model is asked: the reply format, the temperature (none for reasoning models, which reject it), the
/// reasoning effort and the output-token cap (sent as <c>max_completion_tokens</c>).
/// </summary>
/// <param name="ResponseFormat">How the reply's shape is asked for.</param>
/// <param name="Temperature">The temperature sent; <see langword="null"/> sends none.</param>
/// <param name="ReasoningEffort">The <c>reasoning_effort</c> sent (<c>minimal</c>, <c>low</c>, <c>medium</c>, <c>high</c>); <see langword="null"/> sends none.</param>
/// <param name="MaxOutputTokens">The output-token cap; <see langword="null"/> sends none.</param>
public sealed record ModelDialect(ReplyFormat ResponseFormat, double? Temperature, string? ReasoningEffort, int? MaxOutputTokens)
{
    /// <summary>A short description for reports, e.g. <c>json_schema_strict, temperature 0, max 4000 tokens</c>.</summary>
    public override string ToString()
    {
        var parts = new List<string> { ReplyFormats.NameOf(ResponseFormat) };
        parts.Add(Temperature is { } t ? string.Create(CultureInfo.InvariantCulture, $"temperature {t}") : "no temperature");
        if (ReasoningEffort is { } effort)
        {
            parts.Add($"reasoning effort {effort}");
        }

        parts.Add(MaxOutputTokens is { } max ? string.Create(CultureInfo.InvariantCulture, $"max {max} tokens") : "no token cap");
        return string.Join(", ", parts);
    }
}
