namespace TimeVision.Core.Learning.Feedback;

/// <summary>
/// Every limit on the shop's feedback, in one place. Feedback is stored inside its document estimate, one Cosmos DB
/// item of at most 2 MB, so what feedback can add to it is bounded: each field, each entry, and all entries of one
/// document together (<see cref="MaxStoredBytesPerDocument"/>, measured as the entries are stored).
/// </summary>
public static class FeedbackLimits
{
    /// <summary>The largest feedback body <c>PUT /api/estimates/{id}/feedback</c> reads: 64 KB.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>Real times (of the whole, or of an operation) must be below this many minutes.</summary>
    public const double MaxMinutes = 10_000;

    /// <summary>The longest short text: the material, who entered it, an operation's name. 200 characters.</summary>
    public const int MaxShortTextLength = 200;

    /// <summary>The longest notes: 2,000 characters.</summary>
    public const int MaxNotesLength = 2_000;

    /// <summary>The most operations one entry may list: 50.</summary>
    public const int MaxOperations = 50;

    /// <summary>The most feedback entries one document keeps, over all its parts: 100.</summary>
    public const int MaxEntriesPerDocument = 100;

    /// <summary>
    /// The most bytes one document's feedback may take as stored (JSON): 512 KB, a quarter of Cosmos DB's 2 MB item,
    /// whatever the entries hold (text outside ASCII is stored escaped, up to six bytes a character).
    /// </summary>
    public const int MaxStoredBytesPerDocument = 512 * 1024;
}
