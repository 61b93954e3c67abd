using TimeVision.Core.Estimating.Estimates;

namespace TimeVision.Core.Estimating.Pipeline;

/// <summary>How a change to a stored estimate's plan (an acceptance, a re-plan) ended.</summary>
public enum StoredPlanChangeOutcome
{
    /// <summary>Changed and stored.</summary>
    Saved,

    /// <summary>No estimate with that id.</summary>
    NotFound,

    /// <summary>The estimate has no plan to change.</summary>
    NoPlan,

    /// <summary>The estimate changed since the given token was read; nothing was stored.</summary>
    Stale,
}

/// <summary>The result of a change to a stored estimate's plan.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Document">The estimate as saved, when stored.</param>
/// <param name="ETag">Its new concurrency token, when stored.</param>
/// <param name="Message">Why not, when not stored.</param>
public sealed record StoredPlanChangeResult(StoredPlanChangeOutcome Outcome, DocumentEstimate? Document, string? ETag, string? Message);
