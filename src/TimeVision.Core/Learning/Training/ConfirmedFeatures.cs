using System.Globalization;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Core.Learning.Training;

/// <summary>A document's confirmed features, or why it has none.</summary>
/// <param name="Label">The label, when the document has one.</param>
/// <param name="Reason">Why not, for the manifest and the evaluation's left-out list.</param>
public sealed record ConfirmedFeaturesResult(FeatureLabel? Label, string? Reason);

/// <summary>
/// The one rule for which features teach and measure reading, shared by the training export and the evaluation:
/// the estimator's newest features version where there is one (taken as the whole part, as entered); otherwise the
/// text layer's high-confidence features when the estimator accepted a plan made from that text-layer reading (its
/// version at or before the accepted features version). Nothing unconfirmed is used: not the model's reading, not the
/// text layer's medium or low readings, not the merge.
/// </summary>
public static class ConfirmedFeatures
{
    /// <summary>The kinds of feature the text layer reads (<see cref="TextLayerFeatures"/>): what its label speaks for.</summary>
    public static IReadOnlySet<FeatureType> TextLayerTypes { get; } = new HashSet<FeatureType> { FeatureType.Drilling, FeatureType.Tapping, FeatureType.Chamfer };

    /// <summary>The confirmed features of <paramref name="document"/>, or why there are none.</summary>
    /// <param name="document">A stored estimate.</param>
    public static ConfirmedFeaturesResult Of(DocumentEstimate document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Features is not { } features)
        {
            return new(null, "no features are kept (estimated before features were kept)");
        }

        if (features.LatestEstimatorReading is { Features.Features.Count: > 0 } estimator)
        {
            return new(new FeatureLabel(Numbered(estimator.Features), FeatureLabelSource.Estimator, estimator.By, estimator.At, estimator.Version, null), null);
        }

        return Accepted(features);
    }

    private static ConfirmedFeaturesResult Accepted(DocumentFeatures features)
    {
        if (features.LatestAcceptance is not { } accepted)
        {
            return new(null, "not confirmed: no estimator features, and the plan was never accepted");
        }

        if (features.Readings.LastOrDefault(r => r.Kind == FeatureSourceKind.TextLayer) is not { } textLayer)
        {
            return new(null, "the plan was accepted, but there is no text-layer reading");
        }

        if (textLayer.Version > accepted.FeaturesVersion)
        {
            return new(null, string.Create(CultureInfo.InvariantCulture,
                $"the plan accepted (features version {accepted.FeaturesVersion}) was made before the text layer was read again (version {textLayer.Version}): accept the plan again"));
        }

        var high = textLayer.Features.Features.Where(f => f.Source?.Confidence == FactConfidence.High).ToList();
        if (high.Count == 0)
        {
            return new(null, "the plan was accepted, but the text layer read no feature at high confidence");
        }

        var materialSure = textLayer.Source?.Confidence == FactConfidence.High;
        var set = new FeatureSet
        {
            Material = materialSure ? textLayer.Features.Material : null,
            MaterialGroup = materialSure ? textLayer.Features.MaterialGroup : null,
            Features = high,
        };
        return new(new FeatureLabel(Numbered(set), FeatureLabelSource.TextLayerAccepted, accepted.By, accepted.At, accepted.FeaturesVersion, TextLayerTypes), null);
    }

    /// <summary>The set with its features numbered <c>f1</c>, <c>f2</c>, … in order, as the reading prompt asks.</summary>
    private static FeatureSet Numbered(FeatureSet set) => set with
    {
        Features = set.Features.Select((f, i) => f with { Id = string.Create(CultureInfo.InvariantCulture, $"f{i + 1}") }).ToList(),
    };
}
