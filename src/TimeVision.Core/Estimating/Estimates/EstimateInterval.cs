namespace TimeVision.Core.Estimating.Estimates;

/// <summary>The range a time is expected to fall in, in minutes.</summary>
/// <param name="LowMin">The low end.</param>
/// <param name="HighMin">The high end.</param>
public sealed record EstimateInterval(double LowMin, double HighMin);
