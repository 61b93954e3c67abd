namespace TimeVision.Core.Estimating.Estimates;

/// <summary>Today's budget is spent.</summary>
/// <param name="Message">What happened and when it opens again.</param>
/// <param name="OpensAt">The start of the next UTC day.</param>
public sealed record BudgetSpent(string Message, DateTimeOffset OpensAt);
