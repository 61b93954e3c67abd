using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Core.Learning.Calibration;

/// <summary>
/// What the engine's calibration learns from, for one labelled document: the engine's plan of it, its minutes per
/// factor kind, and the shop's real times.
/// </summary>
/// <param name="DocumentId">The document.</param>
/// <param name="Plan">The engine's plan, without factors.</param>
/// <param name="ActualMinutes">The real time per piece (the label).</param>
/// <param name="ActualSetupMinutes">The batch's real setup minutes, when the label has them apart.</param>
/// <param name="ActualRunMinutes">The real run minutes per piece, when the label has them apart.</param>
public sealed record EngineRow(string DocumentId, ProcessPlan Plan, double ActualMinutes, double? ActualSetupMinutes, double? ActualRunMinutes)
{
    /// <summary>The engine's minutes per piece by factor kind.</summary>
    public IReadOnlyDictionary<FactorKind, double> CycleMinutes { get; } = FactorKinds.CycleMinutes(Plan);

    /// <summary>The engine's setup minutes by factor kind.</summary>
    public IReadOnlyDictionary<FactorKind, double> SetupMinutes { get; } = FactorKinds.SetupMinutes(Plan);

    /// <summary>
    /// What the per-piece factors are fitted on: the run minutes when the label has them apart, else the whole time per
    /// piece (the engine's cycle, like the model's estimate, is the time of one piece).
    /// </summary>
    public double CycleTarget => ActualRunMinutes ?? ActualMinutes;
}
