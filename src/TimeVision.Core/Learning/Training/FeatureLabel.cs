using System.Text.Json.Serialization;
using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Core.Learning.Training;

/// <summary>Who confirmed a document's features, and so what they cover.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FeatureLabelSource>))]
public enum FeatureLabelSource
{
    /// <summary>The estimator's newest features version (<c>PUT /api/estimates/{id}/features</c>): the whole part, as they entered it.</summary>
    [JsonStringEnumMemberName("estimator")]
    Estimator,

    /// <summary>
    /// The text layer's features read at high confidence, and its title block's material when read at high confidence,
    /// confirmed by the estimator's acceptance of a plan made from them (<see cref="PlanAcceptance"/>): only the kinds
    /// of feature the text layer reads (<see cref="ConfirmedFeatures.TextLayerTypes"/>).
    /// </summary>
    [JsonStringEnumMemberName("text_layer_accepted")]
    TextLayerAccepted,
}

/// <summary>A document's features as a person confirmed them: the label of the features task.</summary>
/// <param name="Features">The confirmed features (sizes in mm), part-level values included where confirmed.</param>
/// <param name="Source">Whose word they are.</param>
/// <param name="ConfirmedBy">Who confirmed them, as the host vouched for them; <see langword="null"/> when it vouched for nobody.</param>
/// <param name="ConfirmedAt">When.</param>
/// <param name="FeaturesVersion">The features version the confirmation was of.</param>
/// <param name="Types">
/// The feature types the label speaks for; <see langword="null"/> for every type. A feature of another type is neither
/// right nor wrong against it (the text layer never reads a pocket, so its label cannot say there is none).
/// </param>
public sealed record FeatureLabel(
    FeatureSet Features, FeatureLabelSource Source, string? ConfirmedBy, DateTimeOffset? ConfirmedAt, int FeaturesVersion, IReadOnlySet<FeatureType>? Types)
{
    /// <summary>Whether the label speaks for features of <paramref name="type"/>.</summary>
    /// <param name="type">The feature type.</param>
    public bool Covers(FeatureType type) => Types?.Contains(type) ?? true;
}
