using System.Text.Json.Serialization;

namespace TimeVision.Core.ModelOps.Retirement;

/// <summary>When a model stops answering, and who says so.</summary>
/// <param name="RetiresOn">The shutdown date; <see langword="null"/> when nobody gives one.</param>
/// <param name="Source">Who gives the date.</param>
/// <param name="DaysLeft">Days from today (UTC) to the date; negative once it has passed.</param>
public sealed record RetirementInfo(
    [property: JsonPropertyName("retiresOn")] DateOnly? RetiresOn,
    [property: JsonPropertyName("source")] RetirementSource Source,
    [property: JsonPropertyName("daysLeft")] int? DaysLeft)
{
    /// <summary>How close a date must be for TimeVision to warn.</summary>
    public const int WarnWithinDays = 60;

    /// <summary>Whether the model retires within <see cref="WarnWithinDays"/> days (or already has).</summary>
    [JsonIgnore]
    public bool IsNear => DaysLeft is <= WarnWithinDays;
}
