namespace TimeVision.Core.Estimating.ProcessPlanning;

/// <summary>One source's reading of a part's features, as a stored estimate keeps it.</summary>
public sealed record FeatureReading
{
    /// <summary>Text layer, model or estimator.</summary>
    public required FeatureSourceKind Kind { get; init; }

    /// <summary>The features version this reading was first part of.</summary>
    public required int Version { get; init; }

    /// <summary>What the source read (the estimator's: what they entered).</summary>
    public required FeatureSet Features { get; init; }

    /// <summary>The source of its part-level fields (part type, material, stock): the page and how sure, where known.</summary>
    public FeatureSource? Source { get; init; }

    /// <summary>Who entered it, for the estimator's readings, as the host vouches for the caller.</summary>
    public string? By { get; init; }

    /// <summary>When it was read or entered.</summary>
    public DateTimeOffset? At { get; init; }
}

/// <summary>
/// A stored estimate's features: every source's reading and their merge by <see cref="FeatureMerge"/>. The version
/// goes up whenever the merged features may change: a run of the estimate, or an estimator's correction.
/// </summary>
public sealed record DocumentFeatures
{
    /// <summary>1 for the first run, one more for every run or correction since.</summary>
    public required int Version { get; init; }

    /// <summary>The merged features the plan is made from, each feature keeping its source.</summary>
    public required FeatureSet Merged { get; init; }

    /// <summary>Values two sources gave differently, kept from the higher source.</summary>
    public IReadOnlyList<FeatureConflict> Conflicts { get; init; } = [];

    /// <summary>The readings merged: the text layer's and the model's of the last run, and the estimator's versions, oldest first.</summary>
    public required IReadOnlyList<FeatureReading> Readings { get; init; }

    /// <summary>The newest estimator reading, when there is one.</summary>
    public FeatureReading? LatestEstimatorReading => Readings.LastOrDefault(r => r.Kind == FeatureSourceKind.Estimator);

    /// <summary>
    /// The estimator's acceptances of the plan, oldest first (the newest 20): each says the plan made from a features
    /// version was checked and is right, by whom and when. Absent until a plan is accepted.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<PlanAcceptance>? Acceptances { get; init; }

    /// <summary>The newest acceptance, when there is one.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public PlanAcceptance? LatestAcceptance => Acceptances is { Count: > 0 } accepted ? accepted[^1] : null;
}

/// <summary>
/// An estimator's word that a stored estimate's plan is right (<c>POST /api/estimates/{id}/plan/accept</c>,
/// <c>timevision plan &lt;id&gt; --accept</c>): it confirms the features that plan was made from, so the text layer's
/// high-confidence features of that version can teach a model to read (<c>export-training --task features</c>).
/// </summary>
/// <param name="FeaturesVersion">The <see cref="DocumentFeatures.Version"/> whose plan was accepted.</param>
/// <param name="By">Who accepted it, as the host vouches for the caller.</param>
/// <param name="At">When.</param>
public sealed record PlanAcceptance(int FeaturesVersion, string? By, DateTimeOffset At);

/// <summary>Why a stored estimate has no plan: a stable code and a sentence for a person.</summary>
/// <param name="Code"><c>no_features</c>, or the code of a rejected cutting-data or work-centres override (<c>invalid_json</c>, <c>invalid_value</c>).</param>
/// <param name="Message">What is missing and how to give it.</param>
public sealed record PlanNotMade(string Code, string Message)
{
    /// <summary>Neither the text layer, the model nor the estimator named a feature to machine.</summary>
    public const string NoFeatures = "no_features";
}

/// <summary>
/// A stored estimate's process plan and the versions it was made from (features, cutting data, work centres), or why
/// there is none.
/// </summary>
public sealed record DocumentPlan
{
    /// <summary>The <see cref="DocumentFeatures.Version"/> planned.</summary>
    public required int FeaturesVersion { get; init; }

    /// <summary>The cutting data's version (with a shop's override: <c>defaults+override</c>), when it could be read.</summary>
    public string? CuttingDataVersion { get; init; }

    /// <summary>The work centres' version, when they could be read.</summary>
    public string? WorkCentresVersion { get; init; }

    /// <summary>The plan (the contract of <c>src/docs/process-plan.md</c>); <see langword="null"/> when none was made.</summary>
    public ProcessPlan? Routing { get; init; }

    /// <summary>Why no plan was made, when none was.</summary>
    public PlanNotMade? NotMade { get; init; }
}
