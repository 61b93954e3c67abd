using TimeVision.Core.Estimating.Estimates;

namespace TimeVision.Core.Estimating.Pipeline;

/// <summary>How recording an acceptance of the plan ended.</summary>
public enum PlanAcceptanceOutcome
{
    /// <summary>Recorded.</summary>
    Accepted,

    /// <summary>No estimate with that id.</summary>
    NotFound,

    /// <summary>The estimate has no plan to accept.</summary>
    NoPlan,

    /// <summary>The estimate changed since the given token was read: the plan accepted may not be the one stored.</summary>
    Stale,
}

/// <summary>The result of recording an acceptance of the plan.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Document">The estimate as saved, when recorded.</param>
/// <param name="ETag">Its new concurrency token, when recorded.</param>
/// <param name="Message">Why not, when not recorded.</param>
public sealed record PlanAcceptanceResult(PlanAcceptanceOutcome Outcome, DocumentEstimate? Document, string? ETag, string? Message);
