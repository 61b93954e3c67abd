using System.Globalization;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Core.Estimating.Pipeline;

/// <summary>
/// The model's reading of the part as features. When the prompt asked for them (<see cref="PageEstimateResult.Features"/>),
/// the features the model read on each sheet of the part, each with its sheet and confidence, and the part type,
/// material, group and stock it gave. Whatever it left out, and the whole part for a model that answers in the minutes
/// shape alone (the shop's fine-tune), comes from the answer: its part type, material and group
/// (<see cref="MaterialCatalog.GroupOf"/>), and its envelope as the stock (a bar for a turned part with a diameter,
/// else a block).
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
        var sheets = part.Sheets
            .Select(sheet => (Page: sheet, Read: document.Pages.FirstOrDefault(p => p.Page == sheet)?.Result?.Features))
            .Where(s => s.Read is not null)
            .Select(s => (s.Page, Read: s.Read!))
            .ToList();
        var read = sheets.Count > 0 ? sheets[0].Read : null;
        int? page = sheets.Count > 0 ? sheets[0].Page : part.Sheets.Count > 0 ? part.Sheets[0] : null;
        var material = read?.Material ?? (string.IsNullOrWhiteSpace(estimate.MaterialDetected) ? null : estimate.MaterialDetected);
        var set = new FeatureSet
        {
            PartType = read?.PartType ?? PartTypeOf(estimate.PartType),
            Material = material,
            MaterialGroup = read?.MaterialGroup ?? MaterialCatalog.GroupOf(material),
            Stock = read?.Stock ?? StockOf(estimate),
            Features = FeaturesOf(sheets),
        };
        return new SourcedFeatureSet(set, new FeatureSource(FeatureSourceKind.Model, page, null, PartFeaturesReader.ConfidenceOf(estimate.Confidence)));
    }

    /// <summary>
    /// Every sheet's features with their sheet as the page; a feature a later sheet shows again (same type and size
    /// key, as <see cref="FeatureMerge"/> matches them) is taken once, from the first sheet that shows it.
    /// </summary>
    private static List<MachiningFeature> FeaturesOf(List<(int Page, FeatureSet Read)> sheets)
    {
        var features = new List<MachiningFeature>();
        var seen = new HashSet<(FeatureType, string)>();
        foreach (var (page, read) in sheets)
        {
            foreach (var feature in read.Features.Where(f => seen.Add((f.Type, FeatureMerge.Key(f)))))
            {
                var source = feature.Source ?? new FeatureSource(FeatureSourceKind.Model);
                var id = features.Any(f => f.Id == feature.Id) ? string.Create(CultureInfo.InvariantCulture, $"p{page}-{feature.Id}") : feature.Id;
                features.Add(feature with { Id = id, Source = source with { Kind = FeatureSourceKind.Model, Page = page } });
            }
        }

        return features;
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
}
