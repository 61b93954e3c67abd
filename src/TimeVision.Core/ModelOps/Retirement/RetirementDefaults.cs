using TimeVision.Core.Estimating.Vision;

namespace TimeVision.Core.ModelOps.Retirement;

/// <summary>
/// Dates TimeVision ships with, from OpenAI's deprecations notice of 2026-10-14: these models and their fine-tunes
/// shut down on OpenAI's endpoint on 2027-01-14, and self-serve fine-tuning closes to new jobs around 2027-01-06.
/// Azure OpenAI deployments follow Microsoft's own schedule, so no default applies there.
/// </summary>
public static class RetirementDefaults
{
    /// <summary>The shutdown of the models in <see cref="RetiringOnOpenAI"/>.</summary>
    public static readonly DateOnly OpenAIShutdown = new(2027, 1, 14);

    /// <summary>The base models that shut down on <see cref="OpenAIShutdown"/>, with their fine-tunes.</summary>
    public static IReadOnlyList<string> RetiringOnOpenAI { get; } =
        ["gpt-4o-2024-08-06", "gpt-4o-2024-11-20", "gpt-4o-mini-2024-07-18", "gpt-4.1-2025-04-14", "gpt-4.1-mini-2025-04-14"];

    /// <summary>The shipped date for <paramref name="modelId"/> at an endpoint of <paramref name="endpointKind"/>, if any.</summary>
    /// <param name="modelId">The model id, fine-tuned or not.</param>
    /// <param name="endpointKind"><c>openai</c>, <c>azure_openai</c> or <c>other</c>.</param>
    public static DateOnly? For(string modelId, string endpointKind) =>
        endpointKind == "openai" && RetiringOnOpenAI.Contains(ModelFamilies.BaseOf(modelId), StringComparer.Ordinal) ? OpenAIShutdown : null;
}
