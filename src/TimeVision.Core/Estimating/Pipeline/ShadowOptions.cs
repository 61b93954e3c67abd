using System.ComponentModel.DataAnnotations;
using TimeVision.Core.Estimating.Estimates;

namespace TimeVision.Core.Estimating.Pipeline;

/// <summary>
/// Shadow mode, bound from the <c>Shadow</c> section: a challenger model also estimates a share of the documents; its
/// result is stored beside the primary's, never shown as the answer and never exported for training.
/// </summary>
public sealed class ShadowOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Shadow";

    /// <summary>The challenger model; empty turns shadow mode off.</summary>
    public string? Model { get; set; }

    /// <summary>The share of documents (0–100 %) the challenger also estimates.</summary>
    [Range(0, 100)]
    public double Percent { get; set; }

    /// <summary>The challenger for a document, or <see langword="null"/> when it is not sampled (or shadow mode is off).</summary>
    public ModelId? ChallengerFor(string documentId, ModelId primaryModel) =>
        ModelId.TryParse(Model, out var challenger, out _) && challenger != primaryModel && ShadowSampler.IsSampled(documentId, Percent) ? challenger : null;
}
