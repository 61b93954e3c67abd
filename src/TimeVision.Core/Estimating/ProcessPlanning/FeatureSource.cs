using System.Text.Json.Serialization;
using TimeVision.Core.Estimating.Facts;

namespace TimeVision.Core.Estimating.ProcessPlanning;

/// <summary>Who said a feature is there.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FeatureSourceKind>))]
public enum FeatureSourceKind
{
    /// <summary>Read from the PDF's text layer.</summary>
    [JsonStringEnumMemberName("text_layer")]
    TextLayer,

    /// <summary>Read by the vision model.</summary>
    [JsonStringEnumMemberName("model")]
    Model,

    /// <summary>Entered or corrected by the shop's estimator.</summary>
    [JsonStringEnumMemberName("estimator")]
    Estimator,
}

/// <summary>Where a feature came from, so a person can check it: the source, the page and box where there is one, and how sure it is.</summary>
/// <param name="Kind">Text layer, model or estimator.</param>
/// <param name="Page">1-based page number, when known.</param>
/// <param name="Box">The box it was read from, in PDF points (origin top left), when known.</param>
/// <param name="Confidence">How sure the source is (<c>low</c>, <c>medium</c>, <c>high</c>).</param>
public sealed record FeatureSource(FeatureSourceKind Kind, int? Page = null, TextBox? Box = null, FactConfidence? Confidence = null);
