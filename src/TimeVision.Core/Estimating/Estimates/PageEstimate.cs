using System.Text.Json.Serialization;
using TimeVision.Core.Estimating.Facts;

namespace TimeVision.Core.Estimating.Estimates;

/// <summary>
/// A machining-time estimate for one drawing page: the contract in <c>page-estimate.schema.json</c>, snake_case on the
/// wire whatever serializer settings surround it (see <see cref="EstimateJson"/>). After normalisation every <c>Max…Mm</c> value is in millimetres.
/// </summary>
public sealed record PageEstimate
{
    /// <summary>Turned, prismatic or combined.</summary>
    [JsonPropertyName("part_type")]
    public required PartType PartType { get; init; }

    /// <summary>Simple, medium or complex.</summary>
    [JsonPropertyName("complexity")]
    public required Complexity Complexity { get; init; }

    /// <summary>The material as written in the drawing's material field; <see langword="null"/> when empty.</summary>
    [JsonPropertyName("material_detected")]
    public required string? MaterialDetected { get; init; }

    /// <summary>Largest diameter of the envelope.</summary>
    [JsonPropertyName("max_diameter_mm")]
    public required double? MaxDiameterMm { get; init; }

    /// <summary>Largest length of the envelope.</summary>
    [JsonPropertyName("max_length_mm")]
    public required double? MaxLengthMm { get; init; }

    /// <summary>Largest width of the envelope.</summary>
    [JsonPropertyName("max_width_mm")]
    public required double? MaxWidthMm { get; init; }

    /// <summary>Largest height of the envelope.</summary>
    [JsonPropertyName("max_height_mm")]
    public required double? MaxHeightMm { get; init; }

    /// <summary>Short description of how the part is made.</summary>
    [JsonPropertyName("manufacturing_description")]
    public required string ManufacturingDescription { get; init; }

    /// <summary>The operations, in order.</summary>
    [JsonPropertyName("operations")]
    public required IReadOnlyList<string> Operations { get; init; }

    /// <summary>Productive spindle time in minutes; equals the sum of <see cref="Breakdown"/>.</summary>
    [JsonPropertyName("estimated_time_min")]
    public required double EstimatedTimeMin { get; init; }

    /// <summary>How sure the model is.</summary>
    [JsonPropertyName("confidence")]
    public required Confidence Confidence { get; init; }

    /// <summary>Short text showing the calculation.</summary>
    [JsonPropertyName("reasoning")]
    public required string Reasoning { get; init; }

    /// <summary>Spindle time per operation.</summary>
    [JsonPropertyName("breakdown")]
    public required IReadOnlyList<BreakdownItem> Breakdown { get; init; }

    /// <summary>The drawing number from the title block, if the model read one.</summary>
    [JsonPropertyName("drawing_number")]
    public required string? DrawingNumber { get; init; }

    /// <summary>The part name from the title block, if the model read one.</summary>
    [JsonPropertyName("part_name")]
    public required string? PartName { get; init; }

    /// <summary>The units the drawing is dimensioned in, if the model could tell.</summary>
    [JsonPropertyName("drawing_units")]
    public required DrawingUnits? DrawingUnits { get; init; }
}

/// <summary>One operation's share of the spindle time.</summary>
/// <param name="Operation">The operation.</param>
/// <param name="TimeMin">Its spindle time in minutes.</param>
/// <param name="Notes">How it was reckoned.</param>
public sealed record BreakdownItem(
    [property: JsonPropertyName("operation")] string Operation,
    [property: JsonPropertyName("time_min")] double TimeMin,
    [property: JsonPropertyName("notes")] string? Notes);

/// <summary>How a part is made.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PartType>))]
public enum PartType
{
    /// <summary>Turned.</summary>
    [JsonStringEnumMemberName("ROT")]
    Rot,

    /// <summary>Prismatic, milled.</summary>
    [JsonStringEnumMemberName("PRI")]
    Pri,

    /// <summary>Turned base plus milled features.</summary>
    [JsonStringEnumMemberName("COMBINED")]
    Combined,
}

/// <summary>How complex a part is to machine.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Complexity>))]
public enum Complexity
{
    /// <summary>At most five features and no H7/IT6.</summary>
    [JsonStringEnumMemberName("simple")]
    Simple,

    /// <summary>6–12 features, or H7 fits, or threads.</summary>
    [JsonStringEnumMemberName("medium")]
    Medium,

    /// <summary>13+ features, IT6 or tighter, Ra below 0.8 or 3D contours.</summary>
    [JsonStringEnumMemberName("complex")]
    Complex,
}

/// <summary>The units a drawing is dimensioned in.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DrawingUnits>))]
public enum DrawingUnits
{
    /// <summary>Millimetres.</summary>
    [JsonStringEnumMemberName("mm")]
    Millimetres,

    /// <summary>Inches.</summary>
    [JsonStringEnumMemberName("inch")]
    Inches,
}
