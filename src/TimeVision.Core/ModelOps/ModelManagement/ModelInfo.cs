using TimeVision.Core.Estimating.Vision.Registry;
using TimeVision.Core.Learning.FineTuning;
using TimeVision.Core.ModelOps.Retirement;

namespace TimeVision.Core.ModelOps.ModelManagement;

/// <summary>What model estimates are made with right now, and what else is there.</summary>
public sealed record ModelInfo
{
    /// <summary>The model new estimates use.</summary>
    public required string ActiveModel { get; init; }

    /// <summary>Where that choice came from: <c>configuration</c> (which wins), <c>registry</c> or <c>default</c>.</summary>
    public required ModelSource Source { get; init; }

    /// <summary>Whether it is a fine-tuned model.</summary>
    public required bool FineTuned { get; init; }

    /// <summary><c>openai_ft</c> or <c>openai</c>.</summary>
    public required string Provider { get; init; }

    /// <summary>The model it was fine-tuned from, or itself.</summary>
    public required string BaseModel { get; init; }

    /// <summary>The prompt set it is served with.</summary>
    public required string PromptSetId { get; init; }

    /// <summary>That prompt set's version.</summary>
    public required string PromptVersion { get; init; }

    /// <summary><c>openai</c>, <c>azure_openai</c> or <c>other</c>.</summary>
    public required string EndpointKind { get; init; }

    /// <summary>When the model in use retires, if anyone says (<c>YYYY-MM-DD</c>).</summary>
    public DateOnly? RetiresOn { get; init; }

    /// <summary>Days left until then; negative once passed.</summary>
    public int? DaysLeft { get; init; }

    /// <summary>Who gives the date: <c>provider</c>, <c>setting</c>, <c>default</c> or <c>none</c>.</summary>
    public RetirementSource RetirementSource { get; init; } = RetirementSource.None;

    /// <summary>The registered candidates.</summary>
    public required IReadOnlyList<string> Candidates { get; init; }

    /// <summary>The most recently started fine-tuning job and its status, if any was started.</summary>
    public FineTuneJob? LatestFineTuneJob { get; init; }

    /// <summary>Stored document estimates per model.</summary>
    public required IReadOnlyDictionary<string, int> EstimatesByModel { get; init; }
}
