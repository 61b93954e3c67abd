using System.Globalization;
using System.Text.Json;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Learning.Feedback;

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

/// <summary>
/// Records the shop's real spindle times on stored document estimates, with optimistic concurrency, within
/// <see cref="FeedbackLimits"/>.
/// </summary>
/// <param name="store">The stored estimates feedback is recorded on.</param>
/// <param name="time">When an entry was made.</param>
public sealed class FeedbackService(IEstimateStore store, TimeProvider time)
{
    /// <summary>
    /// Adds <paramref name="feedback"/> to the document. With <paramref name="ifMatch"/>, only if the stored document still
    /// carries that token; without it, against the token read just before writing.
    /// </summary>
    public async Task<FeedbackResult> RecordAsync(string documentId, ShopFeedback feedback, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        var document = await store.GetAsync(documentId, cancellationToken);
        if (document is null)
        {
            return new FeedbackResult(FeedbackOutcome.NotFound, null, $"No estimate with id '{documentId}'.");
        }

        if (Validate(feedback, document) is { } problem)
        {
            return new FeedbackResult(FeedbackOutcome.Invalid, null, problem);
        }

        var updated = document with { Feedback = [.. document.Feedback ?? [], feedback with { EnteredAt = time.GetUtcNow() }] };
        if (JsonSerializer.SerializeToUtf8Bytes(updated.Feedback, JsonSerializerOptions.Web).Length > FeedbackLimits.MaxStoredBytesPerDocument)
        {
            return new FeedbackResult(FeedbackOutcome.Invalid, null, string.Create(
                CultureInfo.InvariantCulture,
                $"This entry would take the estimate's feedback past {FeedbackLimits.MaxStoredBytesPerDocument / 1024} KB, the most one estimate keeps; send shorter notes or fewer operations."));
        }

        if (ifMatch is not null && ifMatch != document.ETag)
        {
            return new FeedbackResult(FeedbackOutcome.Conflict, null, "The estimate changed since its token was read; read it again and resend.");
        }

        try
        {
            var token = await store.SaveAsync(updated, document.ETag, cancellationToken);
            return new FeedbackResult(FeedbackOutcome.Saved, token, null);
        }
        catch (ConcurrencyConflictException)
        {
            return new FeedbackResult(FeedbackOutcome.Conflict, null, "The estimate changed while the feedback was being written; read it again and resend.");
        }
    }

    private static string? Validate(ShopFeedback feedback, DocumentEstimate document)
    {
        if (!(feedback.ActualMinutes > 0 && feedback.ActualMinutes < FeedbackLimits.MaxMinutes))
        {
            return string.Create(CultureInfo.InvariantCulture, $"The actual time must be more than 0 and less than {FeedbackLimits.MaxMinutes:0} minutes.");
        }

        if ((TooLong("Material", feedback.Material, FeedbackLimits.MaxShortTextLength)
            ?? TooLong("Entered by", feedback.EnteredBy, FeedbackLimits.MaxShortTextLength)
            ?? TooLong("Notes", feedback.Notes, FeedbackLimits.MaxNotesLength)) is { } tooLong)
        {
            return tooLong;
        }

        if (feedback.Part is { } part && (part < 1 || part > document.Parts.Count))
        {
            return string.Create(CultureInfo.InvariantCulture, $"Part {part} does not exist; the estimate has {document.Parts.Count} part(s).");
        }

        if (feedback.Operations is { Count: > FeedbackLimits.MaxOperations })
        {
            return string.Create(CultureInfo.InvariantCulture, $"At most {FeedbackLimits.MaxOperations} operations per entry.");
        }

        if (feedback.Operations?.Any(o => string.IsNullOrWhiteSpace(o.Operation) || !(o.Minutes > 0 && o.Minutes < FeedbackLimits.MaxMinutes)) == true)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Every operation needs a name and a time of more than 0 and less than {FeedbackLimits.MaxMinutes:0} minutes.");
        }

        if (feedback.Operations?.FirstOrDefault(o => o.Operation.Length > FeedbackLimits.MaxShortTextLength) is not null)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Operation names are limited to {FeedbackLimits.MaxShortTextLength} characters.");
        }

        if (document.Feedback is { Count: >= FeedbackLimits.MaxEntriesPerDocument })
        {
            return string.Create(
                CultureInfo.InvariantCulture,
                $"This estimate already holds {FeedbackLimits.MaxEntriesPerDocument} feedback entries, the most one estimate keeps; nothing was added.");
        }

        return null;
    }

    private static string? TooLong(string field, string? value, int maxLength) =>
        value is { } text && text.Length > maxLength
            ? string.Create(CultureInfo.InvariantCulture, $"{field} is limited to {maxLength} characters.")
            : null;
}
