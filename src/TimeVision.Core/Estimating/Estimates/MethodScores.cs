namespace TimeVision.Core.Estimating.Estimates;

/// <summary>How far one method's numbers were from the shop's real times, as a stored figure measured it.</summary>
/// <param name="Mape">Mean absolute percentage error, in %.</param>
/// <param name="Documents">The labelled documents it was measured on.</param>
/// <param name="Source">Where the figure is stored, for a person: e.g. <c>calibration engine 20261207T030000Z-1a2b3c4d</c>.</param>
public sealed record MethodScore(double Mape, int Documents, string Source);

/// <summary>The stored figures <see cref="EstimateMethod.Best"/> compares, each absent when none is stored.</summary>
/// <param name="Engine">The engine's (the <c>engine</c> candidate's).</param>
/// <param name="Model">The model's that answered the document.</param>
public sealed record MethodScores(MethodScore? Engine, MethodScore? Model)
{
    /// <summary>No stored figure.</summary>
    public static MethodScores None { get; } = new(null, null);
}
