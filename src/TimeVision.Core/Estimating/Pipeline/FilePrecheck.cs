using TimeVision.Core.Estimating.Estimates;

namespace TimeVision.Core.Estimating.Pipeline;

/// <summary>What the intake found for a file before anything started.</summary>
/// <param name="Id">The file's document id, read once; pass it on to <see cref="DocumentIntake.SubmitFileAsync"/>.</param>
/// <param name="Early">The answer when nothing needs to run (<c>already_estimated</c>, <c>rejected</c>), else <see langword="null"/>.</param>
public sealed record FilePrecheck(DocumentId Id, IntakeOutcome? Early);
