namespace TimeVision.Core.Learning.FineTuning;

/// <summary>Fine-tuning settings, bound from the <c>FineTuning</c> section.</summary>
public sealed class FineTuneOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "FineTuning";

    /// <summary>The last day OpenAI's endpoint takes new fine-tuning jobs is before this date.</summary>
    public static readonly DateOnly OpenAIFineTuningCloses = new(2027, 1, 6);

    /// <summary>
    /// The day the endpoint stops taking new jobs (<c>YYYY-MM-DD</c>). Empty: 2027-01-06 on OpenAI's endpoint (its
    /// self-serve fine-tuning winds down), none elsewhere (Azure OpenAI still fine-tunes gpt-4o and gpt-4.1).
    /// </summary>
    public DateOnly? NewJobsCloseOn { get; set; }

    /// <summary>
    /// Whether a job's uploaded training and validation files (the customers' drawings) stay with the provider after
    /// the job ends. Off by default: the job check deletes them once it sees the job succeeded, failed or cancelled.
    /// </summary>
    public bool KeepTrainingFiles { get; set; }

    /// <summary>The day new jobs close at an endpoint of <paramref name="endpointKind"/>, if any.</summary>
    public DateOnly? ClosesOn(string endpointKind) =>
        NewJobsCloseOn ?? (endpointKind == "openai" ? OpenAIFineTuningCloses : null);
}
