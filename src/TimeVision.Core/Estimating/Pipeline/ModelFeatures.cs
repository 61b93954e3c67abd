using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Core.Estimating.Pipeline;

/// <summary>
/// What the model's minutes-shaped answer says about the part as features: its part type, material and group, and its
/// envelope as the stock (a bar for a turned part with a diameter, else a block). It names no features to machine;
/// those come from the text layer or the estimator.
/// </summary>
public static class ModelFeatures
{
    /// <summary>
    /// The reading of the document's first part with an estimate (a document of several parts is planned as one part),
    /// or <see langword="null"/> when no page has one.
    /// </summary>
    public static SourcedFeatureSet? Of(DocumentEstimate document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Parts.Count == 0)
        {
            return null;
        }

        var part = document.Parts[0];
        var estimate = part.Estimate;
        var source = new FeatureSource(FeatureSourceKind.Model, part.Sheets.Count > 0 ? part.Sheets[0] : null, null, ConfidenceOf(estimate.Confidence));
        var set = new FeatureSet
        {
            PartType = PartTypeOf(estimate.PartType),
            Material = string.IsNullOrWhiteSpace(estimate.MaterialDetected) ? null : estimate.MaterialDetected,
            MaterialGroup = MaterialCatalog.GroupOf(estimate.MaterialDetected),
            Stock = StockOf(estimate),
        };
        return new SourcedFeatureSet(set, source);
    }

    private static Stock? StockOf(PageEstimate estimate)
    {
        var diameter = Positive(estimate.MaxDiameterMm);
        var length = Positive(estimate.MaxLengthMm);
        if (estimate.PartType != Estimates.PartType.Pri && diameter is not null)
        {
            return new Stock { Shape = StockShape.Bar, DiameterMm = diameter, LengthMm = length };
        }

        var (width, height) = (Positive(estimate.MaxWidthMm), Positive(estimate.MaxHeightMm));
        return length is null && width is null && height is null
            ? null
            : new Stock { Shape = StockShape.Block, LengthMm = length, WidthMm = width, HeightMm = height };
    }

    private static double? Positive(double? size) => size is > 0 and < double.PositiveInfinity ? size : null;

    private static ProcessPlanning.PartType PartTypeOf(Estimates.PartType type) => type switch
    {
        Estimates.PartType.Rot => ProcessPlanning.PartType.Rotational,
        Estimates.PartType.Pri => ProcessPlanning.PartType.Prismatic,
        _ => ProcessPlanning.PartType.Combined,
    };

    private static FactConfidence ConfidenceOf(Confidence confidence) => confidence switch
    {
        Confidence.High => FactConfidence.High,
        Confidence.Medium => FactConfidence.Medium,
        _ => FactConfidence.Low,
    };
}
