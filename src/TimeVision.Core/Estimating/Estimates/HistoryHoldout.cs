namespace TimeVision.Core.Estimating.Estimates;

/// <summary>Which labels the history may not show while a set is evaluated, and a tag that keeps such answers apart in the store.</summary>
/// <param name="Tag">Names the rule, e.g. <c>validation-20</c>: answers asked under it are stored under a hash of their own.</param>
/// <param name="IsHeldOut">Whether a document's labels are held out.</param>
public sealed record HistoryHoldout(string Tag, Func<string, bool> IsHeldOut);
