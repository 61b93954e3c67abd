namespace TimeVision.Core.Estimating.Vision.Registry;

/// <summary>Which model is active and which are candidates, as the shop decided.</summary>
public sealed record ModelRegistryState
{
    /// <summary>The model switched on with <c>model activate</c>; <see langword="null"/> until one is.</summary>
    public string? ActiveModel { get; init; }

    /// <summary>When it was switched on.</summary>
    public DateTimeOffset? ActivatedAt { get; init; }

    /// <summary>Models that may be activated (fine-tuned models register here when their job succeeds).</summary>
    public IReadOnlyList<string> Candidates { get; init; } = [];

    /// <summary>The registry's concurrency token; set by the store.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? ETag { get; init; }
}
