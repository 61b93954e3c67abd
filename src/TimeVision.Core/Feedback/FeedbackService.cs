using System.Globalization;
using TimeVision.Core.Estimates;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Feedback;

/// <summary>How recording feedback ended.</summary>
public enum FeedbackOutcome
{
    /// <summary>Stored.</summary>
    Saved,

    /// <summary>No document with that id.</summary>
    NotFound,

    /// <summary>The feedback breaks a rule; nothing was stored.</summary>
    Invalid,

    /// <summary>The document changed since the given token was read; nothing was overwritten.</summary>
    Conflict,
}

/// <summary>The result of recording feedback.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="ETag">The document's new concurrency token, when saved.</param>
/// <param name="Message">Why not, when not saved.</param>
public sealed record FeedbackResult(FeedbackOutcome Outcome, string? ETag, string? Message);

/// <summary>Records the shop's real spindle times on stored document estimates, with optimistic concurrency.</summary>
public sealed class FeedbackService
{
    /// <summary>The longest note accepted.</summary>
    public const int MaxNotesLength = 2000;

    /// <summary>Real times must be below this many minutes.</summary>
    public const double MaxMinutes = 10_000;

    private readonly IEstimateStore _store;
    private readonly TimeProvider _time;

    /// <summary>Creates the service.</summary>
    public FeedbackService(IEstimateStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
    }

    /// <summary>
    /// Adds <paramref name="feedback"/> to the document. With <paramref name="ifMatch"/>, only if the stored document still
    /// carries that token; without it, against the token read just before writing.
    /// </summary>
    public async Task<FeedbackResult> RecordAsync(string documentId, ShopFeedback feedback, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        var document = await _store.GetAsync(documentId, cancellationToken);
        if (document is null)
        {
            return new FeedbackResult(FeedbackOutcome.NotFound, null, $"No estimate with id '{documentId}'.");
        }

        if (Validate(feedback, document) is { } problem)
        {
            return new FeedbackResult(FeedbackOutcome.Invalid, null, problem);
        }

        if (ifMatch is not null && ifMatch != document.ETag)
        {
            return new FeedbackResult(FeedbackOutcome.Conflict, null, "The estimate changed since its token was read; read it again and resend.");
        }

        var updated = document with { Feedback = [.. document.Feedback ?? [], feedback with { EnteredAt = _time.GetUtcNow() }] };
        try
        {
            var token = await _store.SaveAsync(updated, document.ETag, cancellationToken);
            return new FeedbackResult(FeedbackOutcome.Saved, token, null);
        }
        catch (ConcurrencyConflictException)
        {
            return new FeedbackResult(FeedbackOutcome.Conflict, null, "The estimate changed while the feedback was being written; read it again and resend.");
        }
    }

    private static string? Validate(ShopFeedback feedback, DocumentEstimate document)
    {
        if (!(feedback.ActualMinutes > 0 && feedback.ActualMinutes < MaxMinutes))
        {
            return string.Create(CultureInfo.InvariantCulture, $"The actual time must be more than 0 and less than {MaxMinutes:0} minutes.");
        }

        if (feedback.Notes is { Length: > MaxNotesLength })
        {
            return string.Create(CultureInfo.InvariantCulture, $"Notes are limited to {MaxNotesLength} characters.");
        }

        if (feedback.Part is { } part && (part < 1 || part > document.Parts.Count))
        {
            return string.Create(CultureInfo.InvariantCulture, $"Part {part} does not exist; the estimate has {document.Parts.Count} part(s).");
        }

        if (feedback.Operations?.Any(o => string.IsNullOrWhiteSpace(o.Operation) || !(o.Minutes > 0 && o.Minutes < MaxMinutes)) == true)
        {
            return "Every operation needs a name and a time of more than 0 and less than 10000 minutes.";
        }

        return null;
    }
}
