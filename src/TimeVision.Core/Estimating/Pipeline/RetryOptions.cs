using System.ComponentModel.DataAnnotations;

namespace TimeVision.Core.Estimating.Pipeline;

/// <summary>
/// The retry timer, bound from the <c>Retry</c> section: documents whose pages failed for a cause of the moment or of
/// configuration are retried without anyone asking, each later than the last, and no more in a day than the cap.
/// </summary>
public sealed class RetryOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Retry";

    /// <summary>Whether the timer retries at all. Default on.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The wait after a document's first failure before its first automatic retry; it doubles after each. Default 15 min.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The longest wait between two automatic retries of a document. Default 1 day.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Automatic retries of one document before the timer leaves it to a person (retry or force). Default 10.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Automatic retries started per UTC day over all documents, so a long outage cannot turn into a flood. Default 200.</summary>
    [Range(1, 100_000)]
    public int DailyCap { get; set; } = 200;

    /// <summary>
    /// How often <c>timevision serve</c> runs the sweep (the Functions app runs it on the <c>RetrySchedule</c> timer
    /// instead). Default 15 min.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>When a document that has had <paramref name="retries"/> retries is next due, counted from its last run.</summary>
    public TimeSpan DelayAfter(int retries) =>
        TimeSpan.FromTicks((long)Math.Min(MaxDelay.Ticks, FirstDelay.Ticks * Math.Pow(2, Math.Max(0, retries))));
}
