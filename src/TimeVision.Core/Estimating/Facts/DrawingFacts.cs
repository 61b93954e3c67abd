using System.Text.Json.Serialization;
using TimeVision.Core.Estimating.Rendering;

namespace TimeVision.Core.Estimating.Facts;

/// <summary>How sure the reading is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FactConfidence>))]
public enum FactConfidence
{
    /// <summary>Inferred (e.g. units from how the numbers look).</summary>
    [JsonStringEnumMemberName("low")]
    Low,

    /// <summary>Recognised by its form alone (a known material designation anywhere on the sheet).</summary>
    [JsonStringEnumMemberName("medium")]
    Medium,

    /// <summary>Read beside its title-block label or stated in a note.</summary>
    [JsonStringEnumMemberName("high")]
    High,
}

/// <summary>Where a fact was read: the page, the text and its box, so a person can check it.</summary>
/// <param name="Page">1-based page number.</param>
/// <param name="Text">The text it was read from.</param>
/// <param name="Box">That text's box in PDF points (origin top left).</param>
public sealed record FactSource(int Page, string Text, TextBox Box);

/// <summary>One fact read from a drawing's text layer.</summary>
/// <param name="Value">The value, normalised (e.g. <c>M6x1</c>, <c>H7</c>, <c>inch</c>).</param>
/// <param name="Confidence">How sure the reading is.</param>
/// <param name="Source">Where it was read.</param>
public sealed record DrawingFact(string Value, FactConfidence Confidence, FactSource Source)
{
    /// <summary>A number the value carries (diameter, roughness, chamfer size, count), in the drawing's units.</summary>
    public double? Number { get; init; }

    /// <summary>For an inferred fact, what it was inferred from (e.g. <c>decimal commas (62,5, 17,5); metric threads (M6)</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Evidence { get; init; }
}

/// <summary>The title block's fields.</summary>
public sealed record TitleBlockFacts
{
    /// <summary>The material as written (e.g. <c>7075-T6 Aluminum</c>, <c>1.4301</c>).</summary>
    public DrawingFact? Material { get; init; }

    /// <summary>The material's group, for multipliers: <c>aluminium</c>, <c>stainless_steel</c>, <c>steel</c>, …</summary>
    public string? MaterialGroup { get; init; }

    /// <summary>The drawing number.</summary>
    public DrawingFact? DrawingNumber { get; init; }

    /// <summary>The part's name (title).</summary>
    public DrawingFact? PartName { get; init; }

    /// <summary>The scale, e.g. <c>1:2</c>.</summary>
    public DrawingFact? Scale { get; init; }

    /// <summary>Sheet n of m, as <c>n/m</c>.</summary>
    public DrawingFact? Sheet { get; init; }

    /// <summary>The general-tolerance standard or value, e.g. <c>ISO 2768-mK</c> or <c>±0.1</c>.</summary>
    public DrawingFact? GeneralTolerance { get; init; }

    /// <summary><c>mm</c> or <c>inch</c>.</summary>
    public DrawingFact? Units { get; init; }

    /// <summary>The weight as written.</summary>
    public DrawingFact? Weight { get; init; }
}

/// <summary>The machining features the lettering names.</summary>
public sealed record FeatureFacts
{
    /// <summary>Diameters (Ø values).</summary>
    public IReadOnlyList<DrawingFact> Diameters { get; init; } = [];

    /// <summary>Threads: metric (<c>M8</c>, <c>M6x1</c>) and unified (<c>4-40 UNC</c>, <c>1/4-20 UNC</c>).</summary>
    public IReadOnlyList<DrawingFact> Threads { get; init; } = [];

    /// <summary>Fits and tolerance classes (<c>H7</c>, <c>h6</c>, <c>IT6</c>).</summary>
    public IReadOnlyList<DrawingFact> Fits { get; init; } = [];

    /// <summary>Roughness (<c>Ra 0.8</c>, <c>Rz 2.5</c>, <c>N7</c>).</summary>
    public IReadOnlyList<DrawingFact> Roughness { get; init; } = [];

    /// <summary>Chamfers.</summary>
    public IReadOnlyList<DrawingFact> Chamfers { get; init; } = [];

    /// <summary>Repeat counts (<c>4x</c>, <c>6 X</c>), each with what it counts.</summary>
    public IReadOnlyList<DrawingFact> Counts { get; init; } = [];

    /// <summary>Hole and thread callouts with their counts, sizes, depths and boxes (<see cref="HoleCallout"/>).</summary>
    public IReadOnlyList<HoleCallout> Holes { get; init; } = [];

    /// <summary>Plain dimension numbers (no symbol), for the envelope.</summary>
    public IReadOnlyList<double> Dimensions { get; init; } = [];
}

/// <summary>Everything read from one page's text layer.</summary>
public sealed record PageFacts
{
    /// <summary>Flag on a page with no usable text layer (a scan, or lettering drawn as outlines).</summary>
    public const string NoTextLayer = "no_text_layer";

    /// <summary>Flag on a page whose text layer Poppler could not read (damaged, out of time or memory); <see cref="ReadError"/> says why.</summary>
    public const string TextLayerUnreadable = "text_layer_unreadable";

    /// <summary>1-based page number.</summary>
    public required int Page { get; init; }

    /// <summary>Words in the text layer.</summary>
    public required int WordCount { get; init; }

    /// <summary>
    /// The page's width in PDF points, the frame of every fact's box: the crop box turned by <c>/Rotate</c>, as the page is
    /// rendered (absent in facts read before it was kept).
    /// </summary>
    public double? WidthPt { get; init; }

    /// <summary>The page's height in PDF points.</summary>
    public double? HeightPt { get; init; }

    /// <summary>Flags such as <see cref="NoTextLayer"/>.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>The title block's fields.</summary>
    public TitleBlockFacts TitleBlock { get; init; } = new();

    /// <summary>The features.</summary>
    public FeatureFacts Features { get; init; } = new();

    /// <summary>Why the text layer could not be read, on a page flagged <see cref="TextLayerUnreadable"/>.</summary>
    public RenderError? ReadError { get; init; }

    /// <summary>Whether anything was read at all.</summary>
    [JsonIgnore]
    public bool HasText => !Flags.Contains(NoTextLayer) && !Flags.Contains(TextLayerUnreadable);

    /// <summary>The facts of a page whose text layer could not be read: none, and why.</summary>
    public static PageFacts Unreadable(int page, RenderError error) =>
        new() { Page = page, WordCount = 0, Flags = [TextLayerUnreadable], ReadError = error };
}
