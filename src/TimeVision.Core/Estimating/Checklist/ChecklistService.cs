using System.Text.RegularExpressions;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Estimating.Checklist;

/// <summary>How ticking a checklist line ended.</summary>
public enum ChecklistOutcome
{
    /// <summary>Stored.</summary>
    Saved,

    /// <summary>No document with that id.</summary>
    NotFound,

    /// <summary>The line breaks a rule (<see cref="ChecklistLimits"/>); nothing was stored.</summary>
    Invalid,
}

/// <summary>The result of ticking a checklist line.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Checklist">The checklist as stored now, when saved.</param>
/// <param name="Message">Why not, when not saved.</param>
public sealed record ChecklistResult(ChecklistOutcome Outcome, DocumentChecklist? Checklist, string? Message);

/// <summary>
/// The facts checklist of stored documents: one line ticked or cleared at a time, with who and when, so two estimators
/// ticking different lines of one drawing both keep theirs (a lost race reads again and applies the line again).
/// </summary>
/// <param name="checklists">The stored checklists.</param>
/// <param name="estimates">The stored estimates, for whether the document exists.</param>
/// <param name="time">When a line was ticked.</param>
public sealed partial class ChecklistService(IChecklistStore checklists, IEstimateStore estimates, TimeProvider time)
{
    private const int Attempts = 5;

    /// <summary>The document's checklist (empty when nothing was ticked), or <see langword="null"/> when there is no such document.</summary>
    /// <param name="documentId">The document.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<DocumentChecklist?> GetAsync(string documentId, CancellationToken cancellationToken) =>
        await checklists.GetAsync(documentId, cancellationToken)
        ?? (await estimates.GetAsync(documentId, cancellationToken) is null ? null : DocumentChecklist.Empty(documentId));

    /// <summary>Ticks (<paramref name="isChecked"/>) or clears one line of the document's checklist, recording <paramref name="by"/> and now.</summary>
    /// <param name="documentId">The document.</param>
    /// <param name="item">The line's key (<see cref="ChecklistLimits.ItemPattern"/>).</param>
    /// <param name="isChecked">Whether it is now ticked.</param>
    /// <param name="by">Who, as the host knows them.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async Task<ChecklistResult> SetAsync(string documentId, string? item, bool isChecked, string? by, CancellationToken cancellationToken)
    {
        if (item is null || !ItemKey().IsMatch(item))
        {
            return new ChecklistResult(ChecklistOutcome.Invalid, null, "item must be 1 to 64 lower-case letters, digits, dots, dashes or underscores.");
        }

        if (await estimates.GetAsync(documentId, cancellationToken) is null)
        {
            return new ChecklistResult(ChecklistOutcome.NotFound, null, $"No estimate with id '{documentId}'.");
        }

        var line = new ChecklistItem(item, isChecked, Shorten(by), time.GetUtcNow());
        for (var attempt = 1; ; attempt++)
        {
            var stored = await checklists.GetAsync(documentId, cancellationToken);
            var current = stored ?? DocumentChecklist.Empty(documentId);
            if (current.Items.Count >= ChecklistLimits.MaxItems && current.Items.All(existing => existing.Item != item))
            {
                return new ChecklistResult(ChecklistOutcome.Invalid, null, $"A checklist keeps at most {ChecklistLimits.MaxItems} lines.");
            }

            var updated = current.With(line);
            try
            {
                var etag = await checklists.SaveAsync(updated, stored?.ETag, cancellationToken);
                return new ChecklistResult(ChecklistOutcome.Saved, updated with { ETag = etag }, null);
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
                // Someone ticked another line meanwhile: read theirs and apply this line again.
            }
        }
    }

    private static string? Shorten(string? by)
    {
        var name = by?.Trim();
        return string.IsNullOrEmpty(name) ? null : name[..Math.Min(name.Length, ChecklistLimits.MaxByLength)];
    }

    [GeneratedRegex(ChecklistLimits.ItemPattern, RegexOptions.CultureInvariant)]
    private static partial Regex ItemKey();
}
