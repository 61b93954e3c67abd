using System.Text.RegularExpressions;
using TimeVision.Core.Estimating.Estimates;

namespace TimeVision.Core.Estimating.Vision;

/// <summary>What a model's id says about its family: reasoning models take no temperature and need room to think.</summary>
public static partial class ModelFamilies
{
    /// <summary>The output-token cap for reasoning models: their reasoning tokens count against it.</summary>
    public const int ReasoningMaxOutputTokens = 25_000;

    /// <summary>The base model of an id: <c>ft:gpt-4o-2024-08-06:org::id</c> → <c>gpt-4o-2024-08-06</c>; other ids are their own base.</summary>
    /// <param name="modelId">The model id.</param>
    public static string BaseOf(string modelId) =>
        ModelIds.IsFineTuned(modelId) && modelId.Split(':') is [_, var baseModel, ..] ? baseModel : modelId;

    /// <summary>The <c>o</c> series, <c>gpt-5*</c> and <c>gpt-6*</c>, and their fine-tunes.</summary>
    /// <param name="modelId">The model id.</param>
    public static bool IsReasoning(string modelId) => ReasoningFamily().IsMatch(BaseOf(modelId));

    [GeneratedRegex(@"^(o\d+(-|$)|gpt-[56])", RegexOptions.IgnoreCase)]
    private static partial Regex ReasoningFamily();
}
