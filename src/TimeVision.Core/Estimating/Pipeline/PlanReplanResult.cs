using TimeVision.Core.Estimating.Estimates;

namespace TimeVision.Core.Estimating.Pipeline;

/// <summary>How re-planning a stored estimate with the shop's data in use ended.</summary>
public enum PlanReplanOutcome
{
    /// <summary>Planned again and stored.</summary>
    Replanned,

    /// <summary>No estimate with that id.</summary>
    NotFound,

    /// <summary>The estimate has no plan to make again.</summary>
    NoPlan,

    /// <summary>The estimate changed since the given token was read; nothing was stored.</summary>
    Stale,
}

/// <summary>The result of re-planning a stored estimate.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Document">The estimate as saved, with its new plan, when re-planned.</param>
/// <param name="ETag">Its new concurrency token, when re-planned.</param>
/// <param name="Message">Why not, when not re-planned.</param>
public sealed record PlanReplanResult(PlanReplanOutcome Outcome, DocumentEstimate? Document, string? ETag, string? Message);
