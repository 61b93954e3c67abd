namespace TimeVision.Core.Estimating.ProcessPlanning;

/// <summary>A feature's line, the tool it needs and the operation it belongs to.</summary>
/// <param name="Line">The line.</param>
/// <param name="Tool">A key naming the tool (<c>drill Ø6.8</c>), so an operation counts distinct tools.</param>
/// <param name="Kind">The operation it goes to.</param>
internal sealed record TimedFeature(PlanLine Line, string Tool, OperationKind Kind);
