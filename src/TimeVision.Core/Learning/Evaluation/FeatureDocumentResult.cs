using TimeVision.Core.Learning.Training;

namespace TimeVision.Core.Learning.Evaluation;

/// <summary>One model's reading of one document, scored against its confirmed features, with what it does to the minutes.</summary>
public sealed record FeatureDocumentResult
{
    /// <summary>The document.</summary>
    public required string DocumentId { get; init; }

    /// <summary>Its file.</summary>
    public required string FileName { get; init; }

    /// <summary>Its drawing key.</summary>
    public required string Drawing { get; init; }

    /// <summary>The model (<c>offline</c>: the text layer's reading).</summary>
    public required string Model { get; init; }

    /// <summary>Whose features the reading is scored against.</summary>
    public required FeatureLabelSource LabelSource { get; init; }

    /// <summary><see cref="EvaluationStatus.Completed"/> when the model read the part; <see cref="EvaluationStatus.Incomplete"/> when it failed or refused.</summary>
    public required EvaluationStatus Status { get; init; }

    /// <summary>Why the reading failed, when it did.</summary>
    public string? Error { get; init; }

    /// <summary>The score, when read.</summary>
    public FeatureScore? Score { get; init; }

    /// <summary>The engine's minutes per piece from the confirmed features.</summary>
    public double? ConfirmedCycleMin { get; init; }

    /// <summary>The engine's minutes per piece from the model's features, as far as the label speaks for them (<see cref="FeatureScoring.Comparable"/>).</summary>
    public double? ReadCycleMin { get; init; }

    /// <summary>The engine's setup minutes per batch from the confirmed features.</summary>
    public double? ConfirmedSetupMin { get; init; }

    /// <summary>The engine's setup minutes per batch from the model's features.</summary>
    public double? ReadSetupMin { get; init; }

    /// <summary>Input tokens of the reading (whether paid now or earlier).</summary>
    public long InputTokens { get; init; }

    /// <summary>Output tokens.</summary>
    public long OutputTokens { get; init; }

    /// <summary>The reading's cost at the configured prices; <see langword="null"/> without a price.</summary>
    public double? CostUsd { get; init; }

    /// <summary>Model time.</summary>
    public long LatencyMs { get; init; }

    /// <summary>Model calls this run made (0: the reading was stored).</summary>
    public int NewCalls { get; init; }

    /// <summary>(read − confirmed) / confirmed minutes per piece, in percent, when both plans were made.</summary>
    public double? CyclePercentError => ReadCycleMin is { } read && ConfirmedCycleMin is { } confirmed && confirmed > 0 ? ErrorStatistics.PercentError(read, confirmed) : null;
}

/// <summary>What a features evaluation run did.</summary>
/// <param name="Set">The set.</param>
/// <param name="Models">The models, in the order asked.</param>
/// <param name="Results">One row per document and model.</param>
/// <param name="StoppedAtBudget">Whether the budget stopped it before the end.</param>
/// <param name="SpentUsd">New spend of this run.</param>
/// <param name="BudgetUsd">The budget, if one was set.</param>
/// <param name="PlanningError">Why no plan was made (a rejected cutting-data or work-centres override), when none was.</param>
public sealed record FeatureEvaluationRun(
    FeatureEvaluationSet Set, IReadOnlyList<string> Models, IReadOnlyList<FeatureDocumentResult> Results, bool StoppedAtBudget, double SpentUsd, double? BudgetUsd, string? PlanningError);
