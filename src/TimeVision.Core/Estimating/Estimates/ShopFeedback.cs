using System.Text.Json.Serialization;
using TimeVision.Core.Learning.Feedback;

namespace TimeVision.Core.Estimating.Estimates;

/// <summary>What kind of truth a label is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FeedbackSource>))]
public enum FeedbackSource
{
    /// <summary>Measured on the machine.</summary>
    [JsonStringEnumMemberName("actual")]
    Actual,

    /// <summary>A person's estimate: useful, but not the same kind of truth.</summary>
    [JsonStringEnumMemberName("expert")]
    Expert,
}

/// <summary>One operation's real spindle time.</summary>
/// <param name="Operation">The operation, as named in the estimate's breakdown (at most 200 characters).</param>
/// <param name="Minutes">Its real time in minutes.</param>
public sealed record OperationActual(string Operation, double Minutes);

/// <summary>
/// The shop's real spindle time for a document or one of its parts, with who said so and how they know; within
/// <see cref="FeedbackLimits"/>.
/// </summary>
public sealed record ShopFeedback
{
    /// <summary>Real spindle time in minutes (more than 0, less than 10,000).</summary>
    public required double ActualMinutes { get; init; }

    /// <summary>Measured (<c>actual</c>) or a person's estimate (<c>expert</c>).</summary>
    public required FeedbackSource Source { get; init; }

    /// <summary>The part (1-based, as listed in the document's parts); <see langword="null"/> for the whole document.</summary>
    public int? Part { get; init; }

    /// <summary>Real times per operation, when known (at most 50).</summary>
    public IReadOnlyList<OperationActual>? Operations { get; init; }

    /// <summary>A corrected part type, when the model got it wrong.</summary>
    public PartType? PartType { get; init; }

    /// <summary>A corrected complexity.</summary>
    public Complexity? Complexity { get; init; }

    /// <summary>A corrected material, at most 200 characters.</summary>
    public string? Material { get; init; }

    /// <summary>Who entered it, at most 200 characters.</summary>
    public string? EnteredBy { get; init; }

    /// <summary>Free notes, at most 2,000 characters.</summary>
    public string? Notes { get; init; }

    /// <summary>When it was entered (set by TimeVision).</summary>
    public DateTimeOffset EnteredAt { get; init; }

    /// <summary>Where an imported label came from (the times file, its rows and how they were aggregated); none for one entered by hand.</summary>
    public ImportProvenance? Import { get; init; }
}
